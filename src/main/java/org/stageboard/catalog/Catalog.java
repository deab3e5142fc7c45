package org.stageboard.catalog;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcConnectionPool;
import org.stageboard.core.StageboardException;

/**
 * The local catalog: an H2 file database, migrated with Flyway on open. Opened with
 * {@code AUTO_SERVER=TRUE} so that the window and the CLI can use one catalog at the same time;
 * the automatic server listens on 127.0.0.1 only.
 */
public final class Catalog implements AutoCloseable {

    private final JdbcConnectionPool pool;
    private final Jdbc jdbc;

    private Catalog(String url) {
        this.pool = JdbcConnectionPool.create(url, "sa", "");
        this.pool.setMaxConnections(16);
        this.jdbc = new Jdbc(pool);
        try {
            Flyway.configure().dataSource(pool).locations("classpath:db/migration").load().migrate();
        } catch (RuntimeException e) {
            pool.dispose();
            throw new StageboardException("Could not open the catalog at " + url + ": " + rootMessage(e), e);
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
        return new Catalog("jdbc:h2:file:" + file + ";AUTO_SERVER=TRUE");
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

    public EventRepository events() {
        return new EventRepository(jdbc);
    }

    /** The schema version Flyway last applied. */
    public String schemaVersion() {
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
