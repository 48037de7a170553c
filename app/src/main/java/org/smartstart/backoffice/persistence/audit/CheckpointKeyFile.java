package org.smartstart.backoffice.persistence.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.smartstart.backoffice.domain.audit.AuditCheckpoint;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * The checkpoint signing key (AU-5): an Ed25519 pair in one small JSON file in the user's data folder.
 * The public key is in the clear, so anyone may check checkpoints against it; the private key is
 * encrypted with AES-256-GCM under a key derived from the passphrase with PBKDF2-HMAC-SHA256, so the
 * file alone signs nothing. The key stays outside the database on purpose: a database superuser who
 * rewrites the chain must not be able to sign a matching checkpoint.
 */
public final class CheckpointKeyFile {

    public static final String FILE_NAME = "audit-checkpoint-key.json";
    /** OWASP's 2023 figure for PBKDF2-HMAC-SHA256. */
    public static final int DEFAULT_ITERATIONS = 600_000;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path file;
    private final int iterations;

    public CheckpointKeyFile(Path file) {
        this(file, DEFAULT_ITERATIONS);
    }

    /** @param iterations PBKDF2 rounds for a new key (an existing file keeps its own) */
    public CheckpointKeyFile(Path file, int iterations) {
        this.file = Objects.requireNonNull(file, "file");
        this.iterations = iterations;
    }

    /** The key file in the data folder. */
    public static CheckpointKeyFile in(Path dataFolder) {
        return new CheckpointKeyFile(dataFolder.resolve(FILE_NAME));
    }

    public Path file() {
        return file;
    }

    public boolean exists() {
        return Files.isRegularFile(file);
    }

    /** The passphrase does not open the key, or the file is not a checkpoint key. */
    public static final class KeyUnavailableException extends Exception {
        public KeyUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Makes a new key pair and writes it, encrypted with the passphrase; refuses to replace an existing key. */
    public KeyPair create(char[] passphrase) throws IOException {
        if (exists()) {
            throw new IOException("A checkpoint key already exists in " + file + "; it is kept, since older checkpoints name it");
        }
        if (passphrase.length < 8) {
            throw new IllegalArgumentException("A checkpoint key passphrase has at least 8 characters; this one has " + passphrase.length);
        }
        try {
            KeyPair pair = KeyPairGenerator.getInstance(AuditCheckpoint.ALGORITHM).generateKeyPair();
            byte[] salt = random(16);
            byte[] iv = random(12);
            Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
            aes.init(Cipher.ENCRYPT_MODE, derive(passphrase, salt, iterations), new GCMParameterSpec(128, iv));
            aes.updateAAD(pair.getPublic().getEncoded());
            byte[] sealed = aes.doFinal(pair.getPrivate().getEncoded());

            ObjectNode json = JSON.createObjectNode();
            json.put("algorithm", AuditCheckpoint.ALGORITHM);
            json.put("publicKey", b64(pair.getPublic().getEncoded()));
            json.put("fingerprint", AuditCheckpoint.fingerprint(pair.getPublic().getEncoded()));
            json.put("kdf", "PBKDF2WithHmacSHA256");
            json.put("iterations", iterations);
            json.put("salt", b64(salt));
            json.put("cipher", "AES/GCM/NoPadding");
            json.put("iv", b64(iv));
            json.put("encryptedPrivateKey", b64(sealed));
            write(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json));
            return pair;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519, PBKDF2 and AES-GCM are part of every Java 17 runtime: " + e.getMessage(), e);
        }
    }

    /** The public key, readable without the passphrase. */
    public PublicKey publicKey() throws IOException {
        JsonNode json = read();
        try {
            return KeyFactory.getInstance(AuditCheckpoint.ALGORITHM)
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(text(json, "publicKey"))));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IOException(file + " does not hold a readable Ed25519 public key: " + e.getMessage(), e);
        }
    }

    /** Opens the private key with the passphrase. */
    public KeyPair open(char[] passphrase) throws IOException, KeyUnavailableException {
        JsonNode json = read();
        PublicKey publicKey = publicKey();
        try {
            SecretKey key = derive(passphrase, Base64.getDecoder().decode(text(json, "salt")), json.path("iterations").asInt(DEFAULT_ITERATIONS));
            Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
            aes.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, Base64.getDecoder().decode(text(json, "iv"))));
            aes.updateAAD(publicKey.getEncoded());
            byte[] pkcs8 = aes.doFinal(Base64.getDecoder().decode(text(json, "encryptedPrivateKey")));
            PrivateKey privateKey = KeyFactory.getInstance(AuditCheckpoint.ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
            Arrays.fill(pkcs8, (byte) 0);
            return new KeyPair(publicKey, privateKey);
        } catch (AEADBadTagException e) {
            throw new KeyUnavailableException("The passphrase does not open the checkpoint key in " + file
                    + " (or the file was altered)", e);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new KeyUnavailableException("The checkpoint key in " + file + " cannot be read: " + e.getMessage(), e);
        }
    }

    private JsonNode read() throws IOException {
        if (!exists()) {
            throw new IOException("There is no checkpoint key in " + file);
        }
        return JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
    }

    private String text(JsonNode json, String field) throws IOException {
        JsonNode node = json.get(field);
        if (node == null || !node.isTextual()) {
            throw new IOException(file + " is not a checkpoint key: it lacks \"" + field + "\"");
        }
        return node.asText();
    }

    private void write(String content) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path temp = Files.createTempFile(file.toAbsolutePath().getParent(), ".checkpoint-key", ".tmp");
        try {
            try {
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the folder's own permissions apply; the private key is encrypted either way
            }
            Files.writeString(temp, content, StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static SecretKey derive(char[] passphrase, byte[] salt, int iterations) throws GeneralSecurityException {
        PBEKeySpec spec = new PBEKeySpec(passphrase, salt, iterations, 256);
        try {
            byte[] bytes = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            return new SecretKeySpec(bytes, "AES");
        } finally {
            spec.clearPassword();
        }
    }

    private static byte[] random(int n) {
        byte[] bytes = new byte[n];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
