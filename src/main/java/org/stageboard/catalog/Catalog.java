package org.stageboard.catalog;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.sql.SQLException;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcConnectionPool;
import org.stageboard.core.StageboardException;

/**
 * The local catalog: an H2 file database, migrated with Flyway on open. Opened with
 * {@code AUTO_SERVER=TRUE} so that the window and the CLI can use one catalog at the same time;
 * the automatic server listens on 127.0.0.1 only, and takes only connections that give the
 * catalog's password, a random one kept in {@value #PASSWORD_FILE} (mode 0600) beside it.
 */
public final class Catalog implements AutoCloseable {

    private final JdbcConnectionPool pool;
    private final Jdbc jdbc;
    private volatile String identity;
    private volatile Recovered lastRecovered = Recovered.NONE;

    /** The catalog file's password is kept beside it, readable by this user only. */
    public static final String PASSWORD_FILE = "catalog.password";

    private Catalog(String url, String password) {
        this.pool = JdbcConnectionPool.create(url, "sa", password);
        this.pool.setMaxConnections(16);
        this.jdbc = new Jdbc(pool);
        try {
            if (!isCurrent(jdbc)) {
                Flyway.configure().dataSource(pool).locations("classpath:db/migration").load().migrate();
            }
        } catch (RuntimeException e) {
            pool.dispose();
            throw new StageboardException("Could not open the catalog at " + url + ": " + rootMessage(e), e);
        }
    }

    /**
     * The newest migration under {@code db/migration} (a test keeps the two in step). A catalog at
     * this version whose history has no failed migration is opened without starting Flyway, which
     * would only confirm it and costs the window's start about half a second of loading its classes.
     */
    static final String SCHEMA_VERSION = "9";

    /** True when Flyway last applied {@link #SCHEMA_VERSION} and no migration failed; false for a new or older catalog. */
    static boolean isCurrent(Jdbc jdbc) {
        try {
            int failed = jdbc.queryOne("SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE NOT \"success\"", rs -> rs.getInt(1)).orElse(0);
            return failed == 0 && SCHEMA_VERSION.equals(schemaVersion(jdbc));
        } catch (StageboardException noHistoryYet) {
            return false;
        }
    }

    /** Opens (creating if needed) the catalog file {@code catalog.mv.db} in the given folder. */
    public static Catalog open(Path folder) {
        // Must be set before H2 starts its automatic server: never listen beyond loopback.
        if (System.getProperty("h2.bindAddress") == null) {
            System.setProperty("h2.bindAddress", "127.0.0.1");
        }
        try {
            Files.createDirectories(folder);
        } catch (java.io.IOException e) {
            throw new StageboardException("Could not create the catalog folder " + folder + ": " + e.getMessage(), e);
        }
        Path file = folder.toAbsolutePath().resolve("catalog");
        // WRITE_DELAY=0: a commit is in the file when it returns. H2 otherwise writes commits up to a
        // second later, so a CLI killed (kill -9, a closed terminal) lost what it had just recorded.
        String url = "jdbc:h2:file:" + file + ";AUTO_SERVER=TRUE;WRITE_DELAY=0";
        return new Catalog(url, password(folder.toAbsolutePath(), url));
    }

    /**
     * The password of the catalog file (and of the server that lets the window and the CLI share
     * it): a random one kept in {@value #PASSWORD_FILE} (mode 0600) beside the catalog, made on
     * first open. A catalog made before it had a password (an empty one) gets it on that open.
     */
    private static String password(Path folder, String url) {
        Path passwordFile = folder.resolve(PASSWORD_FILE);
        try {
            if (Files.exists(passwordFile)) {
                return readPassword(passwordFile);
            }
            byte[] raw = new byte[32];
            new java.security.SecureRandom().nextBytes(raw);
            String fresh = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
            if (!writePrivate(passwordFile, fresh)) {
                return readPassword(passwordFile); // another process made it first
            }
            if (Files.exists(folder.resolve("catalog.mv.db"))) {
                try (java.sql.Connection c = java.sql.DriverManager.getConnection(url, "sa", "");
                     java.sql.Statement s = c.createStatement()) {
                    // The password is base64url: no quote can end the literal early.
                    s.execute("ALTER USER SA SET PASSWORD '" + fresh + "'");
                }
            }
            return fresh;
        } catch (java.io.IOException e) {
            throw new StageboardException("Could not read or write the catalog password file " + passwordFile + ": " + e.getMessage(), e);
        } catch (SQLException e) {
            throw new StageboardException("Could not give the catalog in " + folder + " its password: " + e.getMessage()
                    + " If it has one already, restore " + passwordFile + " from a backup.", e);
        }
    }

    private static String readPassword(Path passwordFile) throws java.io.IOException {
        String password = Files.readString(passwordFile).strip();
        if (password.isEmpty()) {
            throw new StageboardException("The catalog password file " + passwordFile + " is empty: restore it from a backup.");
        }
        return password;
    }

    /** Creates the file with the text, readable by its owner only; false if it exists already. */
    private static boolean writePrivate(Path file, String text) throws java.io.IOException {
        try {
            Files.writeString(Files.createFile(file, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                    java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"))), text);
            return true;
        } catch (java.nio.file.FileAlreadyExistsException raced) {
            return false;
        } catch (UnsupportedOperationException notPosix) {
            try {
                Files.writeString(file, text, java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE);
                return true;
            } catch (java.nio.file.FileAlreadyExistsException raced) {
                return false;
            }
        }
    }

    public Jdbc jdbc() {
        return jdbc;
    }

    public ProjectRepository projects() {
        return new ProjectRepository(jdbc);
    }

    public BuildRepository builds() {
        return new BuildRepository(jdbc);
    }

    /** The steps of builds, each with its status and log. */
    public BuildStepRepository buildSteps() {
        return new BuildStepRepository(jdbc);
    }

    public ArtifactRepository artifacts() {
        return new ArtifactRepository(jdbc);
    }

    public EnvironmentRepository environments() {
        return new EnvironmentRepository(jdbc);
    }

    public ConfigRepository configs() {
        return new ConfigRepository(jdbc);
    }

    public HostRepository hosts() {
        return new HostRepository(jdbc);
    }

    public ReleaseRepository releases() {
        return new ReleaseRepository(jdbc);
    }

    public RunRepository runs() {
        return new RunRepository(jdbc);
    }

    /** The history: pages, counts, kept commits, imported ledger lines, chart facts. */
    public HistoryRepository history() {
        return new HistoryRepository(jdbc);
    }

    public EventRepository events() {
        return new EventRepository(jdbc);
    }

    /** What was last read from each host for each environment. */
    public HostReadingRepository hostReadings() {
        return new HostReadingRepository(jdbc);
    }

    /**
     * This catalog's stable random id (a UUID made when the catalog was created or upgraded to
     * version 2). It is written on hosts with each release, so that the releases of two catalogs
     * deploying to one host never collide; it never changes for the life of the catalog file.
     */
    /** A setting of this catalog kept in {@code catalog_info} (e.g. {@code default_project}), if set. */
    public Optional<String> setting(String name) {
        return jdbc.queryOne("SELECT \"VALUE\" FROM catalog_info WHERE name = ?", rs -> rs.getString(1), name);
    }

    /** Sets a setting of this catalog; null removes it. */
    public void setSetting(String name, String value) {
        jdbc.inTransaction(c -> {
            Jdbc.update(c, "DELETE FROM catalog_info WHERE name = ?", name);
            if (value != null) {
                Jdbc.update(c, "INSERT INTO catalog_info (name, \"VALUE\") VALUES (?, ?)", name, value);
            }
            return null;
        });
    }

    public String identity() {
        String id = identity;
        if (id == null) {
            id = jdbc.queryOne("SELECT \"VALUE\" FROM catalog_info WHERE name = 'catalog_id'", rs -> rs.getString(1))
                    .orElseThrow(() -> new StageboardException("The catalog has no identity (catalog_info.catalog_id is missing)."));
            identity = id;
        }
        return id;
    }

    /**
     * Crash recovery: every build and run still RUNNING whose owning process is gone (it ran on
     * this machine and no longer exists; or no owner was recorded, as before version 2) becomes
     * INTERRUPTED, with the time now and a message naming the process. Work owned by a live
     * process (the CLI deploying while the window opens the same catalog) or by a process on
     * another machine stays RUNNING. Safe to call at any time and from several processes at once.
     * Called on every open of the engine; the result is also kept in {@link #lastRecovered()}.
     */
    public Recovered recoverInterrupted() {
        BuildRepository builds = builds();
        RunRepository runs = runs();
        int buildCount = 0;
        for (Owned build : builds.running()) {
            if (build.ownerGone() && builds.interrupt(build.id(), interruptedMessage(build)
                    + " No artifact was recorded: build the commit again.")) {
                buildCount++;
            }
        }
        int runCount = 0;
        for (Owned run : runs.running()) {
            if (run.ownerGone() && runs.interrupt(run.id(), interruptedMessage(run)
                    + " What the host really has is shown by reading it (status).")) {
                runCount++;
            }
        }
        Recovered recovered = new Recovered(buildCount, runCount);
        if (!recovered.none()) {
            lastRecovered = recovered; // a later call that finds nothing does not hide what the open found
        }
        return recovered;
    }

    /** What the last {@link #recoverInterrupted()} of this catalog object that found something found; {@link Recovered#NONE} before any. */
    public Recovered lastRecovered() {
        return lastRecovered;
    }

    private static String interruptedMessage(Owned work) {
        return "Interrupted: the process running it (" + work.ownerForPeople() + ") is gone (crash, kill or closed window).";
    }

    /** The schema version Flyway last applied. */
    public String schemaVersion() {
        return schemaVersion(jdbc);
    }

    private static String schemaVersion(Jdbc jdbc) {
        return jdbc.queryOne("SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"success\" ORDER BY \"installed_rank\" DESC LIMIT 1",
                rs -> rs.getString(1)).orElse("none");
    }

    @Override
    public void close() {
        pool.dispose();
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    static StageboardException wrap(SQLException e) {
        return new StageboardException("Catalog error: " + e.getMessage(), e);
    }
}
