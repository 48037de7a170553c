-- Plain INSERTs naming only the seed's columns, one per seed table, in an order that respects
-- the foreign keys and every database rule (a valid cap table, a KYC-verified user, a chained BUZ transaction and audit entry).
-- SeedCompatibilityTest runs them in one transaction: the schema's additions must all have defaults.
INSERT INTO users (id, display_name, email, kyc_status, trust_score, country_code, created_at, updated_at)
 VALUES ('00000000-0000-0000-0000-000000000001','Ada','ada@x.test','verified',75.50,'CA',now(),now());
INSERT INTO users (display_name, email) VALUES ('Bob','bob@x.test');
INSERT INTO ventures (id, name, region, status, owner_user_id, alice_equity_cap, created_at, updated_at)
 VALUES ('00000000-0000-0000-0000-0000000000a1','Acme','ca','draft','00000000-0000-0000-0000-000000000001',20.000,now(),now());
INSERT INTO venture_it_pack (venture_id, m365_tenant_id, email_address, github_org, render_service_id, backup_policy_id, provisioned_at, status)
 VALUES ('00000000-0000-0000-0000-0000000000a1','t','e@x','gh','r','b',now(),'active');
INSERT INTO user_wallets (id, user_id, buz_balance, locked_balance, version)
 VALUES ('00000000-0000-0000-0000-0000000000b1','00000000-0000-0000-0000-000000000001',100,0,1);
INSERT INTO role_assignments (user_id, venture_id, role, scope, granted_by, granted_at, revoked_at)
 VALUES ('00000000-0000-0000-0000-000000000001','00000000-0000-0000-0000-0000000000a1','owner','venture','00000000-0000-0000-0000-000000000001',now(),NULL);
INSERT INTO role_assignments (user_id, venture_id, role, scope) VALUES ('00000000-0000-0000-0000-000000000001',NULL,'support','global');
INSERT INTO vesting_policies (id, name, cliff_months, duration_months, frequency)
 VALUES ('00000000-0000-0000-0000-0000000000c1','std',12,48,'quarterly');
INSERT INTO equity_ledger (venture_id, holder_type, holder_id, percent, vesting_policy_id, effective_from, effective_to)
 VALUES ('00000000-0000-0000-0000-0000000000a1','user','00000000-0000-0000-0000-000000000001',80.000,'00000000-0000-0000-0000-0000000000c1','2026-01-01',NULL),
        ('00000000-0000-0000-0000-0000000000a1','alice',NULL,20.000,NULL,'2026-01-01',NULL);
INSERT INTO buz_issuance_rules (venture_id, monthly_issue_cap, conversion_band_min, conversion_band_max, board_approved)
 VALUES ('00000000-0000-0000-0000-0000000000a1',10000,0.000100,0.000500,true);
-- BZ-5: the wallet's first transaction, hashed over the genesis hash and its canonical JSON (V11)
INSERT INTO buz_transactions (id, wallet_id, venture_id, type, amount, artifact_hash, tx_hash, created_at)
 VALUES ('00000000-0000-0000-0000-0000000000d1','00000000-0000-0000-0000-0000000000b1','00000000-0000-0000-0000-0000000000a1','earn',100,NULL,
         buz_chain_tx_hash(repeat('0',64), buz_chain_canonical_json('00000000-0000-0000-0000-0000000000d1','00000000-0000-0000-0000-0000000000b1',
             '00000000-0000-0000-0000-0000000000a1','earn',100,NULL,NULL,NULL,now())),
         now());
INSERT INTO equity_conversions (venture_id, user_id, buz_spent, equity_percent_granted, effective_date, policy_snapshot)
 VALUES ('00000000-0000-0000-0000-0000000000a1','00000000-0000-0000-0000-000000000001',100,0.012345,'2026-02-01','{"band":[0.0001,0.0005]}');
INSERT INTO tasks (id, venture_id, title, type, weight, criticality, artifact_hash, status, created_by_user_id, assignee_user_id)
 VALUES ('00000000-0000-0000-0000-0000000000e1','00000000-0000-0000-0000-0000000000a1','Build','code',1.000,'high',NULL,'open','00000000-0000-0000-0000-000000000001',NULL);
INSERT INTO reviews (id, task_id, reviewer_user_id, quality_score, comments, decision, created_at)
 VALUES ('00000000-0000-0000-0000-0000000000f1','00000000-0000-0000-0000-0000000000e1','00000000-0000-0000-0000-000000000001',90,'ok','approve',now());
INSERT INTO contribution_events (task_id, user_id, impact, timeliness, quality, reviewer_cred, cs_delta, buz_awarded, created_at)
 VALUES ('00000000-0000-0000-0000-0000000000e1','00000000-0000-0000-0000-000000000001',1.5,1,1.2,0.9,12.3456,100,now());
INSERT INTO contracts (venture_id, type, version, signing_hash, signed_at, signers, storage_uri)
 VALUES ('00000000-0000-0000-0000-0000000000a1','contributor',1,repeat('b',64),now(),'[]','s3://x');
INSERT INTO legal_holds (venture_id, reason, applies_to, imposed_by_user_id, imposed_at, released_at)
 VALUES ('00000000-0000-0000-0000-0000000000a1','court order','all','00000000-0000-0000-0000-000000000001',now(),NULL);
INSERT INTO kyc_documents (user_id, doc_type, status, verifier, evidence_uri, verified_at)
 VALUES ('00000000-0000-0000-0000-000000000001','passport','verified','v','u',now());
INSERT INTO kyb_documents (venture_id, doc_type, status, verifier, evidence_uri, verified_at)
 VALUES ('00000000-0000-0000-0000-0000000000a1','tax_id','pending',NULL,NULL,NULL);
INSERT INTO billing_accounts (id, venture_id, pricing_tier, payment_method, status, next_invoice_at)
 VALUES ('00000000-0000-0000-0000-000000000101','00000000-0000-0000-0000-0000000000a1','t129','interac','active',now());
INSERT INTO invoices (billing_account_id, period_start, period_end, amount_due, currency, status, stripe_fee, issued_at, due_at, pdf_uri)
 VALUES ('00000000-0000-0000-0000-000000000101','2026-01-01','2026-01-31',129.00,'CAD','open',3.77,now(),now(),NULL);
INSERT INTO audit_log (id, ts, actor_user_id, action, object_type, object_id, data, prev_tx_hash, tx_hash)
 VALUES (gen_random_uuid(), now(), NULL, 'EQUITY_CHANGE','equity_ledger',NULL,'{}',repeat('0',64),repeat('c',64));
INSERT INTO disputes (venture_id, raised_by_user_id, object_type, object_id, status, resolution, created_at, updated_at)
 VALUES ('00000000-0000-0000-0000-0000000000a1','00000000-0000-0000-0000-000000000001','task','00000000-0000-0000-0000-0000000000e1','open',NULL,now(),now());
INSERT INTO skills (id, slug, name, category) VALUES ('00000000-0000-0000-0000-000000000201','java','Java','engineering');
INSERT INTO user_skills (user_id, skill_id, level, verified, verifier_user_id)
 VALUES ('00000000-0000-0000-0000-000000000001','00000000-0000-0000-0000-000000000201','expert',true,NULL);
INSERT INTO badges (slug, name, criteria) VALUES ('top','Top','{}');
INSERT INTO device_posture_reports (user_id, device_id, os, encrypted_disk, av_status, last_seen_at)
 VALUES ('00000000-0000-0000-0000-000000000001','dev1','linux',true,'healthy',now());
INSERT INTO security_policies (venture_id, policy_name, version, settings, enforced, effective_at)
 VALUES ('00000000-0000-0000-0000-0000000000a1','MFA_REQUIRED',1,'{}',true,now());
