package org.smartstart.backoffice.ui.kyc;

import org.smartstart.backoffice.testing.TestAccounts;
import org.smartstart.backoffice.testing.contract.BackOfficeFixture;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** People and pending documents for the review screen's tests, written straight into a fixture's database. */
final class ReviewFixtures {

    /** Each document is older than the ones before, so "claim next" hands out the one just made. */
    private static final AtomicLong AGE = new AtomicLong();

    private ReviewFixtures() {
    }

    static UUID person(BackOfficeFixture fixture, String name, String... roles) throws SQLException {
        UUID id = UUID.randomUUID();
        TestAccounts.exec(fixture.db(), "INSERT INTO users (id, display_name, email, kyc_status) VALUES ('" + id + "', '" + name
                + "', '" + id + "@review.test', '" + (roles.length > 0 ? "verified" : "pending") + "')");
        for (String role : roles) {
            TestAccounts.exec(fixture.db(), "INSERT INTO role_assignments (user_id, role, scope, reason) VALUES ('" + id + "', '" + role
                    + "', 'global', 'test')");
        }
        return id;
    }

    static byte[] png(Color colour) throws IOException {
        BufferedImage image = new BufferedImage(120, 80, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(colour);
        g.fillRect(0, 0, 120, 80);
        g.setColor(new Color(UUID.randomUUID().hashCode()));
        g.fillRect(10, 10, 30, 30);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    /** A pending KYC document whose stored blob is {@code bytes} under the name {@code storedSha}. */
    static UUID document(BackOfficeFixture fixture, UUID applicant, String type, int risk, byte[] bytes, String storedSha) throws SQLException {
        exec(fixture, "INSERT INTO document_blobs (sha256, media_type, bytes) VALUES (?, 'image/png', ?)", storedSha, bytes);
        UUID id = UUID.randomUUID();
        Instant submitted = Instant.parse("1990-01-01T00:00:00Z").minus(Duration.ofDays(AGE.incrementAndGet()));
        exec(fixture, """
                INSERT INTO kyc_documents (id, user_id, doc_type, evidence_sha256, media_type, original_filename, risk_score, submitted_at)
                VALUES (?, ?, ?::kyc_doc_type, ?, 'image/png', 'scan.png', ?, ?)""", id, applicant, type, storedSha, risk, submitted);
        return id;
    }

    /** A pending KYC document with a small picture as its stored bytes. */
    static UUID document(BackOfficeFixture fixture, UUID applicant, String type, int risk) throws Exception {
        byte[] bytes = png(Color.WHITE);
        return document(fixture, applicant, type, risk, bytes, DocumentPages.sha256(bytes));
    }

    private static void exec(BackOfficeFixture fixture, String sql, Object... params) throws SQLException {
        try (Connection c = fixture.db().ownerConnection(); PreparedStatement p = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                p.setObject(i + 1, params[i] instanceof Instant t ? Timestamp.from(t) : params[i]);
            }
            p.execute();
        }
    }
}
