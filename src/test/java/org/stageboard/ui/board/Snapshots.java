package org.stageboard.ui.board;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.stageboard.core.Build;
import org.stageboard.core.BuildStatus;
import org.stageboard.core.CommitInfo;
import org.stageboard.core.Environment;
import org.stageboard.core.Host;
import org.stageboard.core.HostState;
import org.stageboard.core.LedgerEntry;
import org.stageboard.core.Difference;
import org.stageboard.core.LockInfo;
import org.stageboard.core.Project;
import org.stageboard.core.Recipe;
import org.stageboard.core.Release;
import org.stageboard.core.Run;
import org.stageboard.core.RunKind;
import org.stageboard.core.RunSettings;
import org.stageboard.core.RunStatus;
import org.stageboard.pipeline.BoardSnapshot;
import org.stageboard.pipeline.HostStatus;

/** Hand-made board snapshots for view and view-model tests. */
public final class Snapshots {

    public static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");
    public static final String SHA_A = "a1b2c3d4e5f60718293a4b5c6d7e8f9012345678";
    public static final String SHA_B = "b2c3d4e5f60718293a4b5c6d7e8f901234567890";
    public static final RunSettings RUN = RunSettings.of("java Server.java", "http://127.0.0.1:8080/health");

    private Snapshots() {
    }

    public static Project project() {
        return new Project(1, "shop", Path.of("/tmp/shop"), "main", new Recipe("make", List.of("dist/**")), T0);
    }

    public static List<CommitInfo> commits() {
        return List.of(new CommitInfo(SHA_B, "Grace Hopper", "grace@example.org", T0.minusSeconds(300), "Add health check\n\nbody"),
                new CommitInfo(SHA_A, "Ada Lovelace", "ada@example.org", T0.minusSeconds(7200), "First version"));
    }

    public static BoardSnapshot empty() {
        return new BoardSnapshot(project(), commits(), List.of(), List.of(), List.of(), List.of(), Map.of(), Map.of());
    }

    public static Build build(long id, int number, String sha, BuildStatus status, Integer exit, Long size) {
        return new Build(id, 1, number, sha, "tree", "recipe", status, T0, status == BuildStatus.RUNNING ? null : T0.plusSeconds(42),
                exit, size == null ? null : "f00d", size, Path.of("/tmp/build-" + number + ".log"), null, "ada");
    }

    public static Environment staging() {
        return new Environment(7, 1, "staging", RUN, T0);
    }

    public static Host vps1() {
        return new Host(3, "vps1", "127.0.0.1", 2222, "deploy", Path.of("/tmp/key"), "SHA256:abc", "/srv/sb", T0);
    }

    /** Commit A built (#1 ok, #2 failed), released as staging v1 and live on vps1; commit B built as #3. */
    public static BoardSnapshot journey() {
        Build b1 = build(11, 1, SHA_A, BuildStatus.SUCCEEDED, 0, 13_002_342L);
        Build b2 = build(12, 2, SHA_A, BuildStatus.FAILED, 2, null);
        Build b3 = build(13, 3, SHA_B, BuildStatus.SUCCEEDED, 0, 1024L);
        Release r1 = new Release(21, 7, "staging", 1, 11, 1, "f00d", 5, 2, RUN, T0.plusSeconds(60), "ada");
        Run run = new Run(31, 21, 3, RunKind.DEPLOY, RunStatus.LIVE, T0.plusSeconds(120), T0.plusSeconds(130),
                Path.of("/tmp/run-31.log"), "health ok", "ada");
        return new BoardSnapshot(project(), commits(), List.of(b3, b2, b1), List.of(r1), List.of(run),
                List.of(staging()), Map.of(3L, vps1()), Map.of(7L, List.of(3L)));
    }

    /**
     * vps1 as read at T0 + 30 min: staging v1 current (deployed by ada at T0 + 2 min), its app
     * process {@code alive} or not, the lock (or null) and the given differences.
     */
    public static HostSlot vps1Slot(boolean alive, LockInfo lock, Difference... drift) {
        Instant readAt = T0.plusSeconds(1800);
        Release r1 = journey().releases().get(0);
        LedgerEntry deployed = new LedgerEntry(T0.plusSeconds(120), "ada", "ada@laptop pid 1", "cat-1", "DEPLOY", "v1-0123456789",
                "staging v1", "f00d", null, "LIVE", "staging v1 is live");
        HostState state = new HostState(readAt, true, "v1-0123456789", true, null, 4242, alive, alive ? 1680L : null, null,
                "not checked", lock, List.of(deployed), List.of("v1-0123456789"), 0);
        return new HostSlot(staging(), vps1(), new HostStatus(staging(), vps1(), state, null, readAt, r1, r1, List.of(drift), true));
    }

    public static Environment production() {
        return new Environment(8, 1, "production", RUN, T0);
    }

    public static Host host(long id, String name) {
        return new Host(id, name, "127.0.0.1", 2222, "deploy", Path.of("/tmp/key"), "SHA256:abc", "/srv/sb", T0);
    }

    /**
     * Two environments in promotion order, staging (on vps1) then production (on vps2 and vps3):
     * commit A built as #1 (ok) and #2 (failed), commit B as #3; staging v1 from #1 and staging v2
     * from #3, of 12 staging releases in the catalog; production v1 from #1. Live: staging v2 on
     * vps1, production v1 on vps2; nothing on vps3.
     */
    public static BoardSnapshot twoEnvironments() {
        Build b1 = build(11, 1, SHA_A, BuildStatus.SUCCEEDED, 0, 13_002_342L);
        Build b2 = build(12, 2, SHA_A, BuildStatus.FAILED, 2, null);
        Build b3 = build(13, 3, SHA_B, BuildStatus.SUCCEEDED, 0, 1024L);
        Release s1 = new Release(21, 7, "staging", 1, 11, 1, "f00d", 5, 2, RUN, T0.plusSeconds(60), "ada");
        Release s2 = new Release(22, 7, "staging", 2, 13, 3, "beef", 5, 2, RUN, T0.plusSeconds(600), "grace");
        Release p1 = new Release(23, 8, "production", 1, 11, 1, "f00d", 6, 1, RUN, T0.plusSeconds(300), "ada");
        Run onVps1 = new Run(31, 22, 3, RunKind.DEPLOY, RunStatus.LIVE, T0.plusSeconds(620), T0.plusSeconds(630),
                Path.of("/tmp/run-31.log"), "health ok", "grace");
        Run onVps2 = new Run(32, 23, 4, RunKind.DEPLOY, RunStatus.LIVE, T0.plusSeconds(320), T0.plusSeconds(330),
                Path.of("/tmp/run-32.log"), "health ok", "ada");
        Map<Long, Host> hosts = new java.util.LinkedHashMap<>();
        hosts.put(3L, vps1());
        hosts.put(4L, host(4, "vps2"));
        hosts.put(5L, host(5, "vps3"));
        return new BoardSnapshot(project(), commits(), List.of(b3, b2, b1), List.of(s2, p1, s1), List.of(onVps1, onVps2),
                List.of(staging(), production()), hosts, Map.of(7L, List.of(3L), 8L, List.of(4L, 5L)), 3, Map.of(7L, 12, 8L, 1));
    }
}
