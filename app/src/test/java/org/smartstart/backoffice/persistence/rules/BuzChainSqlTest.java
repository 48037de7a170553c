package org.smartstart.backoffice.persistence.rules;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smartstart.backoffice.persistence.tokens.BuzTransactionWriter;
import org.smartstart.backoffice.testing.TestDatabase;
import org.smartstart.backoffice.testing.TestPostgres;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.smartstart.backoffice.persistence.rules.RuleSql.*;

/** BZ-5 (V11) as PostgreSQL enforces it against plain SQL from the application's role. */
class BuzChainSqlTest {

    private static final String GENESIS = "0".repeat(64);

    private static TestDatabase db;
    private Connection owner;
    private Connection app;
    private UUID venture;
    private UUID wallet;

    @BeforeAll
    static void createDatabase() {
        db = TestPostgres.newDatabase();
    }

    @AfterAll
    static void dropDatabase() {
        db.close();
    }

    @BeforeEach
    void verifiedEarnerWithAWallet() throws SQLException {
        owner = db.ownerConnection();
        UUID earner = user(owner, unique("Chloe"), "verified");
        venture = venture(owner, unique("Northwind"), earner);
        issuanceRule(owner, venture, 1_000_000);
        wallet = wallet(owner, earner);
        app = db.appConnection(earner);
    }

    @AfterEach
    void close() throws SQLException {
        app.close();
        owner.close();
    }

    /** Inserts an earn of 100 BUZ with the given hashes (null: let the database chain it) and its balance change. */
    private UUID earn(UUID id, Instant at, String memo, String prevTxHash, String txHash) throws SQLException {
        inTransaction(app, () -> {
            exec(app, """
                    INSERT INTO buz_transactions (id, wallet_id, venture_id, type, amount, memo, prev_tx_hash, tx_hash, created_at)
                    VALUES (?, ?, ?, 'earn', 100, ?, ?, ?, ?::timestamptz)""", id, wallet, venture, memo, prevTxHash, txHash, at.toString());
            exec(app, "UPDATE user_wallets SET buz_balance = buz_balance + 100, version = version + 1 WHERE id = ?", wallet);
        });
        return id;
    }

    private String javaHash(String previous, UUID id, Instant at, String memo) {
        return BuzTransactionWriter.txHash(previous, BuzTransactionWriter.canonicalJson(
                new BuzTransactionWriter.Content(id, wallet, venture, "earn", 100, null, null, memo, at)));
    }

    private String head() throws SQLException {
        return text(owner, "SELECT buz_chain_head(?)", wallet);
    }

    @Test
    void bz5_a_chain_hashed_as_java_hashes_it_is_accepted_and_links_from_genesis() throws SQLException {
        Instant first = Instant.parse("2026-03-01T09:30:05.120Z");
        Instant second = Instant.parse("2026-03-01T09:30:06.123456Z");
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        String hashA = javaHash(GENESIS, a, first, "Sprint \"7\" \\ bonus\n");
        earn(a, first, "Sprint \"7\" \\ bonus\n", GENESIS, hashA);
        String hashB = javaHash(hashA, b, second, null);
        earn(b, second, null, hashA, hashB);

        assertThat(text(owner, "SELECT prev_tx_hash FROM buz_transactions WHERE id = ?", b)).isEqualTo(hashA);
        assertThat(head()).isEqualTo(hashB);
    }

    @Test
    void bz5_an_insert_without_hashes_is_chained_by_the_database_exactly_as_java_would() throws SQLException {
        Instant at = Instant.parse("2026-03-02T10:00:00Z");
        UUID a = earn(UUID.randomUUID(), at, "é ünïcode memo", null, null);
        UUID b = earn(UUID.randomUUID(), at.plusSeconds(1), null, null, null);

        String hashA = text(owner, "SELECT tx_hash FROM buz_transactions WHERE id = ?", a);
        assertThat(text(owner, "SELECT prev_tx_hash FROM buz_transactions WHERE id = ?", a)).isEqualTo(GENESIS);
        assertThat(hashA).isEqualTo(javaHash(GENESIS, a, at, "é ünïcode memo"));
        assertThat(text(owner, "SELECT prev_tx_hash FROM buz_transactions WHERE id = ?", b)).isEqualTo(hashA);
        assertThat(text(owner, "SELECT tx_hash FROM buz_transactions WHERE id = ?", b)).isEqualTo(javaHash(hashA, b, at.plusSeconds(1), null));
    }

    @Test
    void bz5_a_forged_hash_is_refused() throws SQLException {
        Instant at = Instant.parse("2026-03-03T08:00:00Z");
        UUID id = UUID.randomUUID();
        String forged = txHash();

        assertRefused(() -> earn(id, at, null, GENESIS, forged), "SSB05", "BZ-5",
                "earn of 100 BUZ", "carries tx_hash " + forged.substring(0, 16), "sha256 of its previous hash and its canonical JSON is "
                        + javaHash(GENESIS, id, at, null).substring(0, 16));
        // a hash of other content (the amount said 100, the hash was made for a memo that is not there)
        assertRefused(() -> earn(id, at, null, GENESIS, javaHash(GENESIS, id, at, "other")), "SSB05", "BZ-5", "carries tx_hash");
        assertThat(number(owner, "SELECT count(*) FROM buz_transactions WHERE wallet_id = ?", wallet)).isZero();
    }

    @Test
    void bz5_a_broken_link_is_refused() throws SQLException {
        Instant at = Instant.parse("2026-03-04T08:00:00Z");
        String first = text(owner, "SELECT tx_hash FROM buz_transactions WHERE id = ?", earn(UUID.randomUUID(), at, null, null, null));
        UUID id = UUID.randomUUID();
        String elsewhere = txHash();

        assertRefused(() -> earn(id, at.plusSeconds(1), null, elsewhere, javaHash(elsewhere, id, at.plusSeconds(1), null)),
                "SSB05", "BZ-5", "names " + elsewhere.substring(0, 16), "last transaction is " + first.substring(0, 16), "must not break");
        // a second transaction continuing genesis again would fork the chain
        assertRefused(() -> earn(id, at.plusSeconds(1), null, GENESIS, javaHash(GENESIS, id, at.plusSeconds(1), null)),
                "SSB05", "BZ-5", "names " + GENESIS.substring(0, 16));
        assertThat(head()).isEqualTo(first);
    }

    @Test
    void bz5_a_chained_transaction_cannot_be_updated() throws SQLException {
        UUID id = earn(UUID.randomUUID(), Instant.parse("2026-03-05T08:00:00Z"), null, null, null);

        assertRefused(() -> exec(app, "UPDATE buz_transactions SET tx_hash = ? WHERE id = ?", txHash(), id), "SSB01", "BZ-1", "append-only");
        assertRefused(() -> exec(owner, "UPDATE buz_transactions SET prev_tx_hash = ? WHERE id = ?", txHash(), id), "SSB01", "BZ-1", "append-only");
        assertRefused(() -> exec(owner, "UPDATE buz_transactions SET memo = 'rewritten' WHERE id = ?", id), "SSB01", "BZ-1", "append-only");
    }
}
