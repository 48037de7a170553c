package org.smartstart.backoffice.persistence.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The PostgreSQL that ships inside the app. Its data lives in the user's data folder so it survives
 * restarts; a lock file keeps a second running back office from opening the same data at once.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private final DataFolder folder;
    private final EmbeddedPostgres postgres;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private volatile boolean closed;

    private EmbeddedPostgresServer(DataFolder folder, EmbeddedPostgres postgres, FileChannel lockChannel, FileLock lock) {
        this.folder = folder;
        this.postgres = postgres;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /** Starts the database in {@code folder}, creating it on first use. */
    public static EmbeddedPostgresServer start(DataFolder folder) {
        return start(folder, Map.of());
    }

    /**
     * @param serverConfig extra postgresql.conf settings (tests turn fsync off; the app never does)
     */
    public static EmbeddedPostgresServer start(DataFolder folder, Map<String, String> serverConfig) {
        folder.ensureExists();
        FileChannel channel = null;
        FileLock lock;
        try {
            channel = new RandomAccessFile(folder.lockFile().toFile(), "rw").getChannel();
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        } catch (IOException e) {
            closeQuietly(channel);
            throw new DatabaseStartupException("Cannot lock the data folder " + folder.root() + ": " + e.getMessage(), e);
        }
        if (lock == null) {
            closeQuietly(channel);
            throw new DatabaseStartupException("The database in " + folder.root()
                    + " is in use by another running SmartStart Back Office. Close that one first, or point this one at another database with --db-url.");
        }
        try {
            Files.createDirectories(folder.postgresBinaries());
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(folder.postgresData())
                    .setCleanDataDirectory(false)
                    .setOverrideWorkingDirectory(folder.postgresBinaries().toFile())
                    .setPGStartupWait(java.time.Duration.ofSeconds(30))
                    .setServerConfig("listen_addresses", "localhost")
                    .setServerConfig("max_connections", "120")
                    // zonky defaults to synchronous_commit=off; the app's data must survive a crash.
                    .setServerConfig("synchronous_commit", "on");
            serverConfig.forEach(builder::setServerConfig);
            EmbeddedPostgres pg = builder.start();
            EmbeddedPostgresServer server = new EmbeddedPostgresServer(folder, pg, channel, lock);
            return server;
        } catch (IOException | RuntimeException e) {
            releaseLock(lock, channel);
            throw new DatabaseStartupException(describeStartFailure(folder, e), e);
        }
    }

    private static String describeStartFailure(DataFolder folder, Exception e) {
        String detail = String.valueOf(e.getMessage());
        if (Files.exists(folder.postgresData().resolve("PG_VERSION"))) {
            return "The embedded database in " + folder.postgresData()
                    + " could not be started; its files may be damaged or written by another PostgreSQL version ("
                    + detail + "). Move that folder away to start with a fresh database.";
        }
        return "The embedded database could not be created in " + folder.postgresData() + " (" + detail + ").";
    }

    public DataFolder folder() {
        return folder;
    }

    public int port() {
        return postgres.getPort();
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port() + "/" + database;
    }

    public DatabaseSettings settings() {
        return new DatabaseSettings(java.util.Optional.of(jdbcUrl("postgres")), "postgres", "");
    }

    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        try {
            postgres.close();
        } catch (IOException e) {
            org.slf4j.LoggerFactory.getLogger(EmbeddedPostgresServer.class).warn("Stopping the embedded database failed", e);
        } finally {
            releaseLock(lock, lockChannel);
        }
    }

    private static void releaseLock(FileLock lock, FileChannel channel) {
        try {
            if (lock != null && lock.isValid()) lock.release();
        } catch (IOException ignored) {
            // the channel close below releases it anyway
        }
        closeQuietly(channel);
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel == null) return;
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing left to release
        }
    }
}
