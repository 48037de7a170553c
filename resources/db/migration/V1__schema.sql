-- =====================================================================================
-- V1__schema.sql — SmartStart back office: complete schema (PostgreSQL 15+)
--
-- Source: shared/spec/seed-smartstart-database-architecture.md (26 tables), adapted per
-- shared/spec/DOMAIN.md ("Data model").
--
-- Conversions from the seed:
--  * MySQL inline ENUM(...) -> named PostgreSQL enum types with the same values, in the same
--    order: kyc_status, venture_region, venture_status, it_pack_status, holder_type,
--    vesting_frequency, buz_tx_type, task_type, task_criticality, task_status, review_decision,
--    contract_type, hold_scope, kyc_doc_type, kyb_doc_type, doc_status, pricing_tier,
--    payment_method, billing_status, invoice_status, dispute_object_type, dispute_status,
--    skill_category, skill_level, av_status, role_name, role_scope.
--  * DECIMAL(p,s) -> NUMERIC(p,s). UUID primary keys DEFAULT gen_random_uuid() (core since PG13).
--  * Every foreign key is ON DELETE RESTRICT (the seed's granted_by had none: made explicit).
--  * Tables are created in dependency order (users -> ventures, vesting_policies -> equity_ledger).
--  * The seed's CHECKs with sub-queries (equity_total_100, audit_log_chain) are impossible in
--    PostgreSQL and are dropped here; later migrations enforce them with (deferred constraint)
--    triggers (EQ-1, AU-2).
--  * Seed nullability and defaults are kept exactly (e.g. a column with DEFAULT but no NOT NULL
--    stays nullable), so any INSERT valid against the seed is valid here.
--
-- Additions (each marked "-- addition:" below; every added column is nullable or has a default,
-- so a plain INSERT naming only the seed's columns still works):
--  * version (optimistic locking) on every row a person edits; role value 'support';
--    archived_at (soft delete) on users and ventures; unique lower(email) (ID-1).
--  * audit_log.seq + audit_log.venture_id, audit_outbox, audit_chain_head (AU-2 sealing).
--  * user_credentials, user_sessions (ID-4).
--  * legal hold release fields (LH-1); KYC/KYB review workflow fields (KY-1..KY-4, KY-7);
--    document_blobs (stored evidence bytes).
--  * dispute workflow fields and dispute_evidence (DS-1..DS-4).
--  * buz_issuance_rules history (created_at / replaced_at); role assignment reasons;
--    created_at / created_by on ledger, conversions and tasks.
-- No roles, grants, RLS policies or rule triggers here: later migrations add them.
-- See docs/adr/0001-schema-additions.md.
-- =====================================================================================

-- -------------------------------------------------------------------------------------
-- Enum types (seed inline ENUMs)
-- -------------------------------------------------------------------------------------
CREATE TYPE kyc_status          AS ENUM ('pending', 'verified', 'rejected');
CREATE TYPE venture_region      AS ENUM ('ca', 'us', 'eu', 'asia', 'other');
CREATE TYPE venture_status      AS ENUM ('draft', 'active', 'suspended', 'archived');
CREATE TYPE it_pack_status      AS ENUM ('pending', 'active', 'suspended');
CREATE TYPE holder_type         AS ENUM ('user', 'alice');
CREATE TYPE vesting_frequency   AS ENUM ('monthly', 'quarterly');
CREATE TYPE buz_tx_type         AS ENUM ('earn', 'convert', 'redeem', 'lock', 'unlock');
CREATE TYPE task_type           AS ENUM ('code', 'design', 'ops', 'bizdev', 'security', 'legal', 'finance', 'product');
CREATE TYPE task_criticality    AS ENUM ('low', 'med', 'high', 'critical');
CREATE TYPE task_status         AS ENUM ('open', 'in_review', 'approved', 'rejected');
CREATE TYPE review_decision     AS ENUM ('approve', 'reject', 'changes_requested');
CREATE TYPE contract_type       AS ENUM ('founder_agreement', 'contributor', 'ip', 'nda', 'equity_split');
CREATE TYPE hold_scope          AS ENUM ('equity', 'buz', 'all');
CREATE TYPE kyc_doc_type        AS ENUM ('passport', 'id_card', 'drivers_license', 'proof_of_address');
CREATE TYPE kyb_doc_type        AS ENUM ('articles_of_inc', 'incumbency', 'bank_letter', 'tax_id');
CREATE TYPE doc_status          AS ENUM ('pending', 'verified', 'rejected');
CREATE TYPE pricing_tier        AS ENUM ('t100', 't129', 't149');
CREATE TYPE payment_method      AS ENUM ('card', 'ach', 'interac');
CREATE TYPE billing_status      AS ENUM ('active', 'past_due', 'suspended');
CREATE TYPE invoice_status      AS ENUM ('draft', 'open', 'paid', 'void', 'refunded');
CREATE TYPE dispute_object_type AS ENUM ('task', 'review', 'buz_tx', 'equity');
CREATE TYPE dispute_status      AS ENUM ('open', 'in_review', 'resolved', 'rejected');
CREATE TYPE skill_category      AS ENUM ('engineering', 'design', 'ops', 'bizdev', 'security', 'legal', 'finance');
CREATE TYPE skill_level         AS ENUM ('novice', 'intermediate', 'advanced', 'expert');
CREATE TYPE av_status           AS ENUM ('healthy', 'disabled', 'outdated');
-- addition: 'support' (ID-2: support staff resolve disputes; the seed's enum lacks it)
CREATE TYPE role_name           AS ENUM ('owner', 'contributor', 'reviewer', 'admin', 'compliance', 'support');
CREATE TYPE role_scope          AS ENUM ('venture', 'global');

-- -------------------------------------------------------------------------------------
-- Identity
-- -------------------------------------------------------------------------------------
CREATE TABLE users (
    id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    display_name varchar(80) NOT NULL,
    email        varchar(255) UNIQUE NOT NULL,
    kyc_status   kyc_status DEFAULT 'pending',
    trust_score  numeric(5,2) DEFAULT 50.00 CHECK (trust_score >= 0 AND trust_score <= 100),
    country_code char(2),
    created_at   timestamptz DEFAULT now(),
    updated_at   timestamptz DEFAULT now(),
    -- addition: optimistic locking (rows edited by admins)
    version      integer NOT NULL DEFAULT 1,
    -- addition: soft delete instead of DELETE
    archived_at  timestamptz NULL
);
CREATE INDEX idx_users_email ON users (email);
-- addition: ID-1 e-mail unique ignoring case
CREATE UNIQUE INDEX uq_users_email_lower ON users (lower(email));

-- -------------------------------------------------------------------------------------
-- Ventures
-- -------------------------------------------------------------------------------------
CREATE TABLE ventures (
    id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    name             varchar(255) UNIQUE NOT NULL,
    region           venture_region NOT NULL,
    status           venture_status DEFAULT 'draft',
    owner_user_id    uuid REFERENCES users (id) ON DELETE RESTRICT,
    alice_equity_cap numeric(6,3) DEFAULT 20.000 CHECK (alice_equity_cap <= 20.000),
    created_at       timestamptz DEFAULT now(),
    updated_at       timestamptz DEFAULT now(),
    -- addition: optimistic locking
    version          integer NOT NULL DEFAULT 1,
    -- addition: soft delete instead of DELETE
    archived_at      timestamptz NULL
);
CREATE INDEX idx_ventures_name ON ventures (name);

CREATE TABLE venture_it_pack (
    venture_id        uuid PRIMARY KEY REFERENCES ventures (id) ON DELETE RESTRICT,
    m365_tenant_id    varchar(255),
    email_address     varchar(255),
    github_org        varchar(255),
    render_service_id varchar(255),
    backup_policy_id  varchar(255),
    provisioned_at    timestamptz,
    status            it_pack_status DEFAULT 'pending',
    -- addition: optimistic locking
    version           integer NOT NULL DEFAULT 1
);

-- -------------------------------------------------------------------------------------
-- Wallets and roles
-- -------------------------------------------------------------------------------------
CREATE TABLE user_wallets (
    id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id        uuid REFERENCES users (id) ON DELETE RESTRICT,
    buz_balance    bigint DEFAULT 0 CHECK (buz_balance >= 0),
    locked_balance bigint DEFAULT 0 CHECK (locked_balance >= 0),
    version        integer DEFAULT 1 -- seed: optimistic locking
);

CREATE TABLE role_assignments (
    id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id       uuid REFERENCES users (id) ON DELETE RESTRICT,
    venture_id    uuid REFERENCES ventures (id) ON DELETE RESTRICT,
    role          role_name,
    scope         role_scope DEFAULT 'venture',
    granted_by    uuid REFERENCES users (id) ON DELETE RESTRICT,
    granted_at    timestamptz DEFAULT now(),
    revoked_at    timestamptz NULL,
    -- addition: optimistic locking
    version       integer NOT NULL DEFAULT 1,
    -- addition: why the role was granted (audit, ID-2)
    reason        text NULL,
    -- addition: who revoked it and why (revoked assignments stay as history, ID-2)
    revoked_by    uuid NULL REFERENCES users (id) ON DELETE RESTRICT,
    revoke_reason text NULL
);
-- seed index; NULLS NOT DISTINCT (PG15+) so global roles (venture_id NULL) are unique too (ID-2)
CREATE UNIQUE INDEX idx_role_assignments_unique
    ON role_assignments (user_id, venture_id, role) NULLS NOT DISTINCT
    WHERE revoked_at IS NULL;
CREATE INDEX idx_role_assignments_user_venture ON role_assignments (user_id, venture_id);

-- -------------------------------------------------------------------------------------
-- Equity
-- -------------------------------------------------------------------------------------
CREATE TABLE vesting_policies (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    name            varchar(255) NOT NULL,
    cliff_months    integer DEFAULT 12,
    duration_months integer DEFAULT 48,
    frequency       vesting_frequency DEFAULT 'monthly',
    -- addition: optimistic locking
    version         integer NOT NULL DEFAULT 1
);

-- seed CHECK equity_total_100 (sub-query) dropped: enforced by a deferred constraint trigger
-- in a later migration (EQ-1).
CREATE TABLE equity_ledger (
    id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    venture_id        uuid REFERENCES ventures (id) ON DELETE RESTRICT,
    holder_type       holder_type NOT NULL,
    holder_id         uuid NULL REFERENCES users (id) ON DELETE RESTRICT,
    percent           numeric(6,3) NOT NULL CHECK (percent > 0 AND percent <= 100),
    vesting_policy_id uuid NULL REFERENCES vesting_policies (id) ON DELETE RESTRICT,
    effective_from    date NOT NULL,
    effective_to      date NULL,
    -- addition: optimistic locking (closing an open row, EQ-5)
    version           integer NOT NULL DEFAULT 1,
    -- addition: when and by whom the row was written (EQ-5 history)
    created_at        timestamptz NOT NULL DEFAULT now(),
    created_by        uuid NULL REFERENCES users (id) ON DELETE RESTRICT
);
CREATE INDEX idx_equity_ledger_venture_date ON equity_ledger (venture_id, effective_from);
-- addition: per-holder lookups (EQ-4 one effective row per holder and date)
CREATE INDEX idx_equity_ledger_venture_holder_date ON equity_ledger (venture_id, holder_id, effective_from);

-- -------------------------------------------------------------------------------------
-- BUZ token economy
-- -------------------------------------------------------------------------------------
CREATE TABLE buz_issuance_rules (
    id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    venture_id          uuid REFERENCES ventures (id) ON DELETE RESTRICT,
    monthly_issue_cap   bigint NOT NULL CHECK (monthly_issue_cap > 0),
    conversion_band_min numeric(10,6) NOT NULL,
    conversion_band_max numeric(10,6) NOT NULL,
    board_approved      boolean DEFAULT false,
    -- addition: optimistic locking
    version             integer NOT NULL DEFAULT 1,
    -- addition: rule history; the current rule of a venture is the one not replaced (BZ-4 rule id)
    created_at          timestamptz NOT NULL DEFAULT now(),
    replaced_at         timestamptz NULL
);
-- addition: at most one current rule per venture
CREATE UNIQUE INDEX uq_buz_issuance_rules_current ON buz_issuance_rules (venture_id) WHERE replaced_at IS NULL;

CREATE TABLE buz_transactions (
    id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    wallet_id     uuid REFERENCES user_wallets (id) ON DELETE RESTRICT,
    venture_id    uuid REFERENCES ventures (id) ON DELETE RESTRICT,
    type          buz_tx_type NOT NULL,
    amount        bigint NOT NULL,          -- positive for credits, negative for debits
    artifact_hash char(64) NULL,            -- links to contribution proof
    tx_hash       char(64) NOT NULL UNIQUE, -- wallet chain hash (BZ-5)
    created_at    timestamptz DEFAULT now()
);
CREATE INDEX idx_buz_transactions_wallet_time ON buz_transactions (wallet_id, created_at);

CREATE TABLE equity_conversions (
    id                     uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    venture_id             uuid REFERENCES ventures (id) ON DELETE RESTRICT,
    user_id                uuid REFERENCES users (id) ON DELETE RESTRICT,
    buz_spent              bigint NOT NULL CHECK (buz_spent > 0),
    equity_percent_granted numeric(8,6) NOT NULL CHECK (equity_percent_granted > 0),
    effective_date         date NOT NULL,
    policy_snapshot        jsonb NOT NULL, -- conversion band + approvals at the time (BZ-4)
    -- addition: when the conversion was written
    created_at             timestamptz NOT NULL DEFAULT now()
);

-- -------------------------------------------------------------------------------------
-- Contributions and reviews
-- -------------------------------------------------------------------------------------
CREATE TABLE tasks (
    id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    venture_id         uuid REFERENCES ventures (id) ON DELETE RESTRICT,
    title              varchar(500) NOT NULL,
    type               task_type NOT NULL,
    weight             numeric(6,3) DEFAULT 1.000,
    criticality        task_criticality DEFAULT 'med',
    artifact_hash      char(64) NULL,
    status             task_status DEFAULT 'open',
    created_by_user_id uuid REFERENCES users (id) ON DELETE RESTRICT,
    assignee_user_id   uuid NULL REFERENCES users (id) ON DELETE RESTRICT,
    -- addition: optimistic locking
    version            integer NOT NULL DEFAULT 1,
    -- addition: creation time (the seed has none)
    created_at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX idx_tasks_venture_status ON tasks (venture_id, status);

CREATE TABLE reviews (
    id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    task_id          uuid REFERENCES tasks (id) ON DELETE RESTRICT,
    reviewer_user_id uuid REFERENCES users (id) ON DELETE RESTRICT,
    quality_score    integer CHECK (quality_score >= 0 AND quality_score <= 100),
    comments         text,
    decision         review_decision NOT NULL,
    created_at       timestamptz DEFAULT now()
);

CREATE TABLE contribution_events (
    id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    task_id       uuid REFERENCES tasks (id) ON DELETE RESTRICT,
    user_id       uuid REFERENCES users (id) ON DELETE RESTRICT,
    impact        numeric(6,3) NOT NULL CHECK (impact >= 0 AND impact <= 2),
    timeliness    numeric(6,3) NOT NULL CHECK (timeliness >= 0 AND timeliness <= 2),
    quality       numeric(6,3) NOT NULL CHECK (quality >= 0 AND quality <= 2),
    reviewer_cred numeric(6,3) NOT NULL CHECK (reviewer_cred >= 0 AND reviewer_cred <= 2),
    cs_delta      numeric(10,4) NOT NULL,
    buz_awarded   bigint NOT NULL CHECK (buz_awarded >= 0),
    created_at    timestamptz DEFAULT now()
);

-- -------------------------------------------------------------------------------------
-- Legal and compliance
-- -------------------------------------------------------------------------------------
CREATE TABLE contracts (
    id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    venture_id   uuid REFERENCES ventures (id) ON DELETE RESTRICT,
    type         contract_type NOT NULL,
    version      integer DEFAULT 1, -- seed column; also serves as the optimistic-locking version
    signing_hash char(64) NOT NULL UNIQUE,
    signed_at    timestamptz,
    signers      jsonb NOT NULL,    -- array of {user_id, name, email, signed_at}
    storage_uri  varchar(500)
);

CREATE TABLE legal_holds (
    id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    venture_id          uuid REFERENCES ventures (id) ON DELETE RESTRICT,
    reason              text NOT NULL,
    applies_to          hold_scope NOT NULL,
    imposed_by_user_id  uuid REFERENCES users (id) ON DELETE RESTRICT,
    imposed_at          timestamptz DEFAULT now(),
    released_at         timestamptz NULL,
    -- addition: optimistic locking (release)
    version             integer NOT NULL DEFAULT 1,
    -- addition: LH-1 release records who released it and why
    released_by_user_id uuid NULL REFERENCES users (id) ON DELETE RESTRICT,
    release_reason      text NULL
);

-- addition: the stored bytes of uploaded evidence, addressed by their sha256 (KY-7)
CREATE TABLE document_blobs (
    sha256     char(64) PRIMARY KEY,
    media_type varchar(100) NOT NULL,
    bytes      bytea NOT NULL,
    stored_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE kyc_documents (
    id                     uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id                uuid REFERENCES users (id) ON DELETE RESTRICT,
    doc_type               kyc_doc_type NOT NULL,
    status                 doc_status DEFAULT 'pending',
    verifier               varchar(255),
    evidence_uri           varchar(500),
    verified_at            timestamptz NULL,
    -- addition: optimistic locking
    version                integer NOT NULL DEFAULT 1,
    -- addition: KY-7 sha256 of the exact bytes reviewed (see document_blobs)
    evidence_sha256        char(64) NULL,
    original_filename      varchar(255) NULL,
    media_type             varchar(100) NULL,
    -- addition: KY-1 decision details
    reason_code            varchar(64) NULL,
    reviewer_comment       text NULL,
    applicant_comment      text NULL,
    reviewed_by            uuid NULL REFERENCES users (id) ON DELETE RESTRICT,
    rejection_final        boolean NULL, -- true = final rejection, false = resubmit
    -- addition: KY-3 claims (expire at claimed_until)
    claimed_by             uuid NULL REFERENCES users (id) ON DELETE RESTRICT,
    claimed_until          timestamptz NULL,
    -- addition: KY-4 risk score and four eyes
    risk_score             integer NOT NULL DEFAULT 1 CHECK (risk_score BETWEEN 1 AND 100),
    first_approved_by      uuid NULL REFERENCES users (id) ON DELETE RESTRICT,
    second_approval_status varchar(16) NULL
        CHECK (second_approval_status IN ('awaiting', 'confirmed', 'overturned')),
    -- addition: review queue order
    submitted_at           timestamptz NOT NULL DEFAULT now()
);
-- addition: review queue
CREATE INDEX idx_kyc_documents_queue ON kyc_documents (status, submitted_at);
CREATE INDEX idx_kyc_documents_claimed_by ON kyc_documents (claimed_by);

CREATE TABLE kyb_documents (
    id                     uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    venture_id             uuid REFERENCES ventures (id) ON DELETE RESTRICT,
    doc_type               kyb_doc_type NOT NULL,
    status                 doc_status DEFAULT 'pending',
    verifier               varchar(255),
    evidence_uri           varchar(500),
    verified_at            timestamptz NULL,
    -- addition: optimistic locking
    version                integer NOT NULL DEFAULT 1,
    -- addition: KY-7 sha256 of the exact bytes reviewed (see document_blobs)
    evidence_sha256        char(64) NULL,
    original_filename      varchar(255) NULL,
    media_type             varchar(100) NULL,
    -- addition: KY-1 decision details
    reason_code            varchar(64) NULL,
    reviewer_comment       text NULL,
    applicant_comment      text NULL,
    reviewed_by            uuid NULL REFERENCES users (id) ON DELETE RESTRICT,
    rejection_final        boolean NULL, -- true = final rejection, false = resubmit
    -- addition: KY-3 claims (expire at claimed_until)
    claimed_by             uuid NULL REFERENCES users (id) ON DELETE RESTRICT,
    claimed_until          timestamptz NULL,
    -- addition: KY-4 risk score and four eyes
    risk_score             integer NOT NULL DEFAULT 1 CHECK (risk_score BETWEEN 1 AND 100),
    first_approved_by      uuid NULL REFERENCES users (id) ON DELETE RESTRICT,
    second_approval_status varchar(16) NULL
        CHECK (second_approval_status IN ('awaiting', 'confirmed', 'overturned')),
    -- addition: review queue order
    submitted_at           timestamptz NOT NULL DEFAULT now()
);
-- addition: review queue
CREATE INDEX idx_kyb_documents_queue ON kyb_documents (status, submitted_at);
CREATE INDEX idx_kyb_documents_claimed_by ON kyb_documents (claimed_by);

-- -------------------------------------------------------------------------------------
-- Billing
-- -------------------------------------------------------------------------------------
CREATE TABLE billing_accounts (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    venture_id      uuid REFERENCES ventures (id) ON DELETE RESTRICT,
    pricing_tier    pricing_tier NOT NULL,
    payment_method  payment_method NOT NULL,
    status          billing_status DEFAULT 'active',
    next_invoice_at timestamptz NOT NULL,
    -- addition: optimistic locking
    version         integer NOT NULL DEFAULT 1
);

CREATE TABLE invoices (
    id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    billing_account_id uuid REFERENCES billing_accounts (id) ON DELETE RESTRICT,
    period_start       date NOT NULL,
    period_end         date NOT NULL,
    amount_due         numeric(10,2) NOT NULL CHECK (amount_due > 0),
    currency           char(3) DEFAULT 'USD',
    status             invoice_status DEFAULT 'draft',
    stripe_fee         numeric(10,2) DEFAULT 0,
    issued_at          timestamptz DEFAULT now(),
    due_at             timestamptz NOT NULL,
    pdf_uri            varchar(500) NULL
);

-- -------------------------------------------------------------------------------------
-- Audit
-- -------------------------------------------------------------------------------------
-- seed CHECK audit_log_chain (sub-query) dropped: the chain is sealed/verified by triggers and
-- the application in later migrations (AU-2, AU-4).
CREATE TABLE audit_log (
    id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    ts            timestamptz DEFAULT now(),
    actor_user_id uuid NULL REFERENCES users (id) ON DELETE RESTRICT, -- system actions: null
    action        varchar(255) NOT NULL,
    object_type   varchar(255) NOT NULL,
    object_id     uuid NULL,
    data          jsonb NOT NULL,          -- personal data tokenized (AU-1)
    prev_tx_hash  char(64) NOT NULL,
    tx_hash       char(64) NOT NULL UNIQUE,
    -- addition: gapless chain order (AU-2); nullable so seed-shaped inserts work, filled/checked
    -- by a later migration's trigger
    seq           bigint NULL,
    -- addition: venture of the entry, for browsing (owner sees own venture) and sharding
    venture_id    uuid NULL REFERENCES ventures (id) ON DELETE RESTRICT
);
CREATE INDEX idx_audit_log_timestamp ON audit_log (ts);
-- addition: chain order and browsing indexes
CREATE UNIQUE INDEX uq_audit_log_seq ON audit_log (seq);
CREATE INDEX idx_audit_log_venture_seq ON audit_log (venture_id, seq);
CREATE INDEX idx_audit_log_actor_seq ON audit_log (actor_user_id, seq);
CREATE INDEX idx_audit_log_object_seq ON audit_log (object_type, object_id, seq);
CREATE INDEX idx_audit_log_action_seq ON audit_log (action, seq);

-- addition: unsealed audit entries written inside the mutation's transaction, sealed into
-- audit_log in entry_no order right after commit (AU-1, AU-2)
CREATE TABLE audit_outbox (
    entry_no      bigserial PRIMARY KEY,
    id            uuid NOT NULL DEFAULT gen_random_uuid(),
    ts            timestamptz NOT NULL DEFAULT clock_timestamp(),
    actor_user_id uuid NULL REFERENCES users (id) ON DELETE RESTRICT,
    action        varchar(255) NOT NULL,
    object_type   varchar(255) NOT NULL,
    object_id     uuid NULL,
    venture_id    uuid NULL REFERENCES ventures (id) ON DELETE RESTRICT,
    data          jsonb NOT NULL
);

-- addition: the sealed head of the audit chain (one row; genesis = seq 0, 64 zeros)
CREATE TABLE audit_chain_head (
    singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    seq       bigint NOT NULL DEFAULT 0,
    tx_hash   char(64) NOT NULL DEFAULT repeat('0', 64)
);
INSERT INTO audit_chain_head DEFAULT VALUES;

-- -------------------------------------------------------------------------------------
-- Disputes
-- -------------------------------------------------------------------------------------
CREATE TABLE disputes (
    id                    uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    venture_id            uuid REFERENCES ventures (id) ON DELETE RESTRICT,
    raised_by_user_id     uuid REFERENCES users (id) ON DELETE RESTRICT,
    object_type           dispute_object_type NOT NULL,
    object_id             uuid NOT NULL, -- referenced record (DS-2, checked by trigger later)
    status                dispute_status DEFAULT 'open',
    resolution            text NULL,
    created_at            timestamptz DEFAULT now(),
    updated_at            timestamptz DEFAULT now(),
    -- addition: optimistic locking
    version               integer NOT NULL DEFAULT 1,
    -- addition: DS-1 assignment and decision
    assigned_to           uuid NULL REFERENCES users (id) ON DELETE RESTRICT,
    decided_by            uuid NULL REFERENCES users (id) ON DELETE RESTRICT,
    decided_at            timestamptz NULL,
    appeal_count          integer NOT NULL DEFAULT 0 CHECK (appeal_count BETWEEN 0 AND 1),
    -- addition: DS-3 deadlines (breaches are visible)
    first_response_due_at timestamptz NOT NULL DEFAULT now() + interval '1 day',
    resolution_due_at     timestamptz NOT NULL DEFAULT now() + interval '7 days',
    first_responded_at    timestamptz NULL,
    -- addition: DS-4 remedy executed with the decision
    remedy                jsonb NULL
);

-- addition: evidence attached to a dispute (DS-1..DS-4)
CREATE TABLE dispute_evidence (
    id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    dispute_id uuid NOT NULL REFERENCES disputes (id) ON DELETE RESTRICT,
    file_name  varchar(255) NOT NULL,
    media_type varchar(100) NOT NULL,
    sha256     char(64) NOT NULL,
    added_by   uuid NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
    added_at   timestamptz NOT NULL DEFAULT now()
);

-- -------------------------------------------------------------------------------------
-- Gamification
-- -------------------------------------------------------------------------------------
CREATE TABLE skills (
    id       uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    slug     varchar(100) UNIQUE NOT NULL,
    name     varchar(255) NOT NULL,
    category skill_category NOT NULL
);

CREATE TABLE user_skills (
    user_id          uuid REFERENCES users (id) ON DELETE RESTRICT,
    skill_id         uuid REFERENCES skills (id) ON DELETE RESTRICT,
    level            skill_level NOT NULL,
    verified         boolean DEFAULT false,
    verifier_user_id uuid NULL REFERENCES users (id) ON DELETE RESTRICT,
    PRIMARY KEY (user_id, skill_id)
);

CREATE TABLE badges (
    id       uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    slug     varchar(100) UNIQUE NOT NULL,
    name     varchar(255) NOT NULL,
    criteria jsonb NOT NULL
);

-- -------------------------------------------------------------------------------------
-- Security
-- -------------------------------------------------------------------------------------
CREATE TABLE device_posture_reports (
    id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id        uuid REFERENCES users (id) ON DELETE RESTRICT,
    device_id      varchar(255) NOT NULL,
    os             varchar(255),
    encrypted_disk boolean DEFAULT false,
    av_status      av_status DEFAULT 'healthy',
    last_seen_at   timestamptz DEFAULT now(),
    compliant      boolean GENERATED ALWAYS AS (encrypted_disk = true AND av_status = 'healthy') STORED
);

CREATE TABLE security_policies (
    id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    venture_id   uuid REFERENCES ventures (id) ON DELETE RESTRICT,
    policy_name  varchar(255) NOT NULL,
    version      integer DEFAULT 1, -- seed column; also serves as the optimistic-locking version
    settings     jsonb NOT NULL,
    enforced     boolean DEFAULT true,
    effective_at timestamptz DEFAULT now()
);

-- -------------------------------------------------------------------------------------
-- Login (ID-4)
-- -------------------------------------------------------------------------------------
-- addition: credentials kept apart from users (slow salted hash, lockout after failures)
CREATE TABLE user_credentials (
    user_id              uuid PRIMARY KEY REFERENCES users (id) ON DELETE RESTRICT,
    password_hash        varchar(255) NOT NULL,
    failed_attempts      integer NOT NULL DEFAULT 0 CHECK (failed_attempts >= 0),
    locked_until         timestamptz NULL,
    must_change_password boolean NOT NULL DEFAULT false,
    password_changed_at  timestamptz NOT NULL DEFAULT now(),
    version              integer NOT NULL DEFAULT 1
);

-- addition: login sessions (only the sha256 of the token is stored)
CREATE TABLE user_sessions (
    id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id      uuid NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
    token_sha256 char(64) NOT NULL UNIQUE,
    created_at   timestamptz NOT NULL DEFAULT now(),
    expires_at   timestamptz NOT NULL,
    revoked_at   timestamptz NULL,
    client_host  varchar(255) NULL,
    user_agent   varchar(500) NULL
);
CREATE INDEX idx_user_sessions_user ON user_sessions (user_id);
