package org.stageboard.pipeline;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.stageboard.catalog.Catalog;
import org.stageboard.core.BuildStatus;
import org.stageboard.core.NotFoundException;
import org.stageboard.core.Run;
import org.stageboard.core.Build;
import org.stageboard.core.ProcessIdentity;
import org.stageboard.core.StageboardException;
import org.stageboard.core.RunKind;
import org.stageboard.core.RunStatus;

/**
 * The builds and runs that have not ended yet, across the catalog, with the process that owns
 * each: what a window shows as work started elsewhere (the CLI, another window on the same
 * catalog), how such work ended once it has, and the log files to follow while it runs. Read in
 * a few small queries; call it off the FX thread.
 */
public final class ActiveWork {

    /** A build or a run. */
    public enum Kind { BUILD, RUN }

    /**
     * One piece of unfinished work: {@code title} ({@code Build #4 of shop (abc1234)}, {@code Deploy
     * shop/staging v2 on vps1}), whether it still waits its turn, its current step, who started it
     * ({@code from the CLI, pid 4242}), whether that is this process, its log file (null before it
     * has one), and whether this window may stop it ({@link #stop}: a CLI command on this machine).
     */
    public record Item(Kind kind, long id, String title, boolean queued, String step, String startedBy, boolean here, Path log,
                       boolean stoppable) {

        /** {@code build:12} or {@code run:7}: the same work across reads. */
        public String key() {
            return kind.name().toLowerCase(Locale.ROOT) + ":" + id;
        }
    }

    /** How a piece of work ended: its status in a word, whether it went well or was cancelled, and its message. */
    public record Ended(String status, boolean ok, boolean cancelled, String message) {

        /**
         * {@code succeeded: reused build #3's artifact}, or the status alone without a message; a
         * message that already starts with the status ({@code Interrupted: …}) is not prefixed again.
         */
        public String sentence() {
            if (message == null || message.isBlank()) {
                return status;
            }
            return message.regionMatches(true, 0, status, 0, status.length()) ? message : status + ": " + message;
        }
    }

    /** One log a viewer can show for a piece of work: its name in a chooser and its file. */
    public record LogFile(String name, Path file) {
    }

    private static final String BUILDS = """
            SELECT b.id, b.number, b.commit_sha, b.status, b.owner, b.log_path, p.name AS project,
              (SELECT COUNT(*) FROM build_steps s WHERE s.build_id = b.id) AS steps,
              (SELECT MIN(s.position) FROM build_steps s WHERE s.build_id = b.id AND s.status = 'RUNNING') AS at
            FROM builds b JOIN projects p ON p.id = b.project_id
            WHERE b.status IN ('QUEUED', 'RUNNING') ORDER BY b.id
            """;

    private static final String RUNS = """
            SELECT r.id, r.kind, r.owner, r.log_path, rl.version, e.name AS environment, p.name AS project, h.name AS host
            FROM runs r JOIN releases rl ON rl.id = r.release_id JOIN environments e ON e.id = rl.environment_id
              JOIN projects p ON p.id = e.project_id JOIN hosts h ON h.id = r.host_id
            WHERE r.status = 'RUNNING' ORDER BY r.id
            """;

    private static final int STEP_TAIL_BYTES = 16 * 1024;

    private final Catalog catalog;

    ActiveWork(Catalog catalog) {
        this.catalog = catalog;
    }

    /** The unfinished work of the engine's catalog. */
    public static ActiveWork of(Stageboard engine) {
        return new ActiveWork(engine.catalog());
    }

    /** Every build queued or running and every run running, oldest first, builds before runs. */
    public List<Item> all() {
        return rows().stream().map(Row::item).toList();
    }

    /**
     * The unfinished work another process owns (the CLI, another window): what this window did not
     * start. Work whose process is known to be gone (killed on this machine) is left out, and is
     * recorded interrupted now: nothing runs it any more, and a board that still said "deploying"
     * or "building" would say what no host and no process does.
     */
    public List<Item> elsewhere() {
        List<Row> rows = rows();
        if (rows.stream().anyMatch(Row::ownerGone)) {
            catalog.recoverInterrupted();
        }
        return rows.stream().filter(row -> !row.item().here() && !row.ownerGone()).map(Row::item).toList();
    }

    private record Row(Item item, boolean ownerGone) {
    }

    private List<Row> rows() {
        List<Row> rows = new ArrayList<>(catalog.jdbc().query(BUILDS, this::build));
        rows.addAll(catalog.jdbc().query(RUNS, this::run));
        return rows;
    }

    /** How the work ended, or empty while it has not (or no such work is recorded). */
    public Optional<Ended> ended(Kind kind, long id) {
        try {
            if (kind == Kind.BUILD) {
                Build build = catalog.builds().get(id);
                BuildStatus status = build.status();
                return status.active() ? Optional.empty() : Optional.of(new Ended(status.label(), status == BuildStatus.SUCCEEDED,
                        status == BuildStatus.CANCELLED, build.message()));
            }
            Run run = catalog.runs().get(id);
            RunStatus status = run.status();
            return status.finished() ? Optional.of(new Ended(status.label(), !status.bad() && status != RunStatus.CANCELLED
                    && status != RunStatus.ROLLED_BACK, status == RunStatus.CANCELLED, run.message())) : Optional.empty();
        } catch (NotFoundException noSuchWork) {
            return Optional.empty();
        }
    }

    /** True while the work is queued or running. */
    public boolean active(Kind kind, long id) {
        return ended(kind, id).isEmpty();
    }

    /** The logs of the work: a build's whole log then each step's own, or a run's log; only those recorded so far. */
    public List<LogFile> logs(Kind kind, long id) {
        List<LogFile> logs = new ArrayList<>();
        if (kind == Kind.BUILD) {
            Build build = catalog.builds().get(id);
            if (build.log() != null) {
                logs.add(new LogFile("whole build #" + build.number(), build.log()));
            }
            catalog.buildSteps().forBuild(id).stream().filter(step -> step.log() != null)
                    .map(step -> new LogFile(step.position() + " · " + step.name() + " (" + step.status().name().toLowerCase(Locale.ROOT)
                            + ")", step.log())).forEach(logs::add);
        } else {
            Path log = catalog.runs().get(id).log();
            if (log != null) {
                logs.add(new LogFile("log", log));
            }
        }
        return logs;
    }

    private Row build(ResultSet rs) throws SQLException {
        boolean queued = "QUEUED".equals(rs.getString("status"));
        int steps = rs.getInt("steps");
        int at = rs.getInt("at");
        String step = queued ? "queued behind another build of " + rs.getString("project")
                : at > 0 ? stepName(rs.getLong("id"), at, steps) : steps == 0 ? "preparing" : "packing the artifact";
        String sha = rs.getString("commit_sha");
        String log = rs.getString("log_path");
        String owner = rs.getString("owner");
        return new Row(new Item(Kind.BUILD, rs.getLong("id"), "Build #" + rs.getInt("number") + " of " + rs.getString("project")
                + " (" + sha.substring(0, Math.min(7, sha.length())) + ")", queued, step,
                startedBy(owner), here(owner), log == null ? null : Path.of(log), stoppable(owner)), gone(owner));
    }

    private String stepName(long buildId, int position, int steps) {
        String name = catalog.jdbc().queryOne("SELECT name FROM build_steps WHERE build_id = ? AND position = ?",
                rs -> rs.getString(1), buildId, position).orElse("step");
        return "step " + position + " of " + steps + " · " + name;
    }

    private Row run(ResultSet rs) throws SQLException {
        String kind = RunKind.valueOf(rs.getString("kind")).label();
        String title = Character.toUpperCase(kind.charAt(0)) + kind.substring(1) + " " + rs.getString("project") + "/"
                + rs.getString("environment") + " v" + rs.getInt("version") + " on " + rs.getString("host");
        String log = rs.getString("log_path");
        Path file = log == null ? null : Path.of(log);
        String owner = rs.getString("owner");
        return new Row(new Item(Kind.RUN, rs.getLong("id"), title, false, lastStep(file), startedBy(owner), here(owner), file,
                stoppable(owner)), gone(owner));
    }

    /** The last step a run's log names ({@code HH:mm:ss == health check}), read from the log's end. */
    static String lastStep(Path log) {
        if (log == null || !Files.isRegularFile(log)) {
            return "starting";
        }
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            long from = Math.max(0, file.length() - STEP_TAIL_BYTES);
            byte[] bytes = new byte[(int) (file.length() - from)];
            file.seek(from);
            file.readFully(bytes);
            List<String> lines = new String(bytes, StandardCharsets.UTF_8).lines().toList();
            for (int i = lines.size() - 1; i >= 0; i--) {
                int at = lines.get(i).indexOf(" == ");
                if (at >= 0) {
                    return lines.get(i).substring(at + 4).strip();
                }
            }
            return "starting";
        } catch (IOException e) {
            return "running";
        }
    }

    /**
     * Stops work a Stageboard CLI command on this machine runs, the way Ctrl-C in its terminal
     * would: the command is sent TERM, cancels its build or deploy (a deploy puts the host back
     * and releases its lock), records it cancelled and exits. Work of another window or another
     * machine is not stopped from here: the exception says where to cancel it.
     */
    public String stop(Kind kind, long id) {
        String table = kind == Kind.BUILD ? "builds" : "runs";
        String owner = catalog.jdbc().queryOne("SELECT owner FROM " + table + " WHERE id = ?", rs -> rs.getString(1), id).orElse(null);
        if (!active(kind, id)) {
            throw new StageboardException("That " + (kind == Kind.BUILD ? "build" : "deploy") + " has ended already: nothing to stop.");
        }
        if (!stoppable(owner)) {
            throw new StageboardException("This window cannot stop work " + startedBy(owner)
                    + ": cancel it where it was started (Ctrl-C in that terminal, or Cancel in that window).");
        }
        ProcessIdentity process = ProcessIdentity.parse(owner).orElseThrow();
        boolean asked = ProcessHandle.of(process.pid()).map(ProcessHandle::destroy).orElse(false);
        if (!asked) {
            throw new StageboardException("Could not signal the CLI command (pid " + process.pid() + "): stop it in its terminal (Ctrl-C).");
        }
        return "Asked the CLI command (pid " + process.pid() + ") to stop: it cancels its " + (kind == Kind.BUILD ? "build" : "deploy")
                + ", records it cancelled and exits.";
    }

    /** True when the owner is a live Stageboard CLI command on this machine (not this process, not a window). */
    static boolean stoppable(String owner) {
        Optional<ProcessIdentity> identity = ProcessIdentity.parse(owner);
        if (identity.isEmpty() || identity.get().isGoneHere() || !identity.get().machine().equals(Self.ID.machine())
                || identity.get().pid() == Self.ID.pid()) {
            return false;
        }
        return "the CLI".equals(entry(commandLine(identity.get().pid())));
    }

    private static boolean gone(String owner) {
        return ProcessIdentity.parse(owner).map(ProcessIdentity::isGoneHere).orElse(false);
    }

    private boolean here(String owner) {
        ProcessIdentity self = Self.ID;
        return ProcessIdentity.parse(owner).map(p -> p.pid() == self.pid() && p.machine().equals(self.machine())).orElse(false);
    }

    /**
     * Who started the work, as people read it: {@code from the CLI, pid 4242} or {@code from
     * another window, pid 4242} when that process runs on this machine, else {@code from
     * alice@laptop, pid 4242}; the owner text as recorded when it is not one Stageboard writes.
     */
    static String startedBy(String owner) {
        Optional<ProcessIdentity> identity = ProcessIdentity.parse(owner);
        if (identity.isEmpty()) {
            return owner == null || owner.isBlank() ? "started elsewhere" : "started by " + owner;
        }
        ProcessIdentity p = identity.get();
        if (p.machine().equals(Self.ID.machine())) {
            String what = entry(commandLine(p.pid()));
            return what == null ? "from " + p.user() + " here, pid " + p.pid() : "from " + what + ", pid " + p.pid();
        }
        return "from " + p.user() + "@" + p.machine() + ", pid " + p.pid();
    }

    /**
     * What a Stageboard process on this machine is, from its command line: {@code the CLI} when
     * its entry point (the CLI's main class, or the launcher, its jar or its app image) is followed
     * by a command, {@code another window} when the launcher has none; null when it is not one.
     */
    static String entry(List<String> command) {
        for (int i = 0; i < command.size(); i++) {
            String token = command.get(i);
            boolean cli = token.equals("org.stageboard.cli.StageboardCli");
            boolean launcher = token.equals("org.stageboard.app.Launcher")
                    || (i > 0 && command.get(i - 1).equals("-jar") && token.contains("stageboard"))
                    || (i == 0 && (token.endsWith("/Stageboard") || token.endsWith("\\Stageboard.exe")));
            if (cli || launcher) {
                return cli || i < command.size() - 1 ? "the CLI" : "another window";
            }
        }
        return null;
    }

    /** A process's command line, word by word (from /proc where there is one: the JDK may cut a long one); empty if unknown. */
    private static List<String> commandLine(long pid) {
        Path proc = Path.of("/proc", Long.toString(pid), "cmdline");
        try {
            if (Files.isReadable(proc)) {
                String text = new String(Files.readAllBytes(proc), StandardCharsets.UTF_8);
                return List.of(text.split("\0"));
            }
        } catch (IOException e) {
            // Fall back to what the JDK can tell.
        }
        return ProcessHandle.of(pid).map(h -> {
            List<String> words = new ArrayList<>();
            h.info().command().ifPresent(words::add);
            h.info().arguments().ifPresent(args -> words.addAll(List.of(args)));
            return words;
        }).orElse(List.of());
    }

    /** This process, read once and only when first needed (reading the machine name may be slow), off the FX thread. */
    private static final class Self {
        static final ProcessIdentity ID = ProcessIdentity.current();
    }
}
