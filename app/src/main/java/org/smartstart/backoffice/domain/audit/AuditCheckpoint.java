package org.smartstart.backoffice.domain.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A signed statement that the audit chain held up to this entry at this time (AU-5). Whoever keeps
 * the file can later prove that the log still contains exactly that entry and chains up to it: a
 * superuser who rewrites the whole chain consistently recomputes every hash, so the entry at
 * {@code seq} no longer has this {@code txHash}, and the signature cannot be made again without the
 * private key, which never enters the database.
 *
 * @param seq       the last verified entry when the checkpoint was made
 * @param txHash    its tx_hash
 * @param createdAt when the checkpoint was signed
 * @param publicKey the Ed25519 public key that signed it, X.509 encoded, Base64
 * @param signature Ed25519 over {@link #signedText()}, Base64
 */
public record AuditCheckpoint(long seq, String txHash, Instant createdAt, String publicKey, String signature) {

    public static final String ALGORITHM = "Ed25519";
    private static final String FORMAT = "smartstart-audit-checkpoint/1";

    public AuditCheckpoint {
        Objects.requireNonNull(txHash, "txHash");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(publicKey, "publicKey");
        Objects.requireNonNull(signature, "signature");
    }

    /** Signs (seq, txHash, createdAt) with the private key of the given pair. */
    public static AuditCheckpoint sign(long seq, String txHash, Instant createdAt, PrivateKey privateKey, PublicKey publicKey) {
        try {
            Signature signer = Signature.getInstance(ALGORITHM);
            signer.initSign(privateKey);
            signer.update(signedText(seq, txHash, createdAt).getBytes(StandardCharsets.UTF_8));
            return new AuditCheckpoint(seq, txHash, createdAt, Base64.getEncoder().encodeToString(publicKey.getEncoded()),
                    Base64.getEncoder().encodeToString(signer.sign()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is part of every Java 17 runtime; signing failed: " + e.getMessage(), e);
        }
    }

    /** The exact text the signature covers: a format tag, seq, tx_hash and the time, one per line. */
    public String signedText() {
        return signedText(seq, txHash, createdAt);
    }

    static String signedText(long seq, String txHash, Instant createdAt) {
        return FORMAT + "\n" + seq + "\n" + txHash + "\n" + createdAt + "\n";
    }

    /** Whether the signature is this public key's over this seq, hash and time. */
    public boolean signatureHolds() {
        try {
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(decodedPublicKey());
            verifier.update(signedText().getBytes(StandardCharsets.UTF_8));
            return verifier.verify(Base64.getDecoder().decode(signature));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * Why this checkpoint cannot be relied on, if it cannot: the signature does not hold, or it was made
     * by another key than the one the user trusts (their own key file's public key, when they have one).
     *
     * @param trustedPublicKey X.509 Base64 of the trusted key; null to accept the key the checkpoint names
     */
    public java.util.Optional<String> problem(String trustedPublicKey) {
        if (!signatureHolds()) {
            return java.util.Optional.of("The checkpoint's signature does not hold for seq " + seq + ", tx_hash " + txHash
                    + " and time " + createdAt + ": the file was altered or was not signed by the key it names");
        }
        if (trustedPublicKey != null && !trustedPublicKey.equals(publicKey)) {
            return java.util.Optional.of("The checkpoint was signed by key " + keyFingerprint() + ", not by your checkpoint key "
                    + fingerprint(Base64.getDecoder().decode(trustedPublicKey)) + ": anyone can sign a checkpoint with a key of their own");
        }
        return java.util.Optional.empty();
    }

    /** Short fingerprint of the signing key (the first 16 hex digits of SHA-256 of the encoded key), to compare by eye. */
    public String keyFingerprint() {
        return fingerprint(Base64.getDecoder().decode(publicKey));
    }

    public static String fingerprint(byte[] encodedPublicKey) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(encodedPublicKey)).substring(0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private PublicKey decodedPublicKey() throws GeneralSecurityException {
        return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(publicKey)));
    }

    /** What the verifier must find at {@code seq}. */
    public ChainAnchor anchor() {
        return new ChainAnchor(seq, txHash, "the checkpoint signed " + createdAt + " by key " + keyFingerprint());
    }
}
