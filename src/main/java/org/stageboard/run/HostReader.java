package org.stageboard.run;

import org.stageboard.core.HostState;
import org.stageboard.core.InstanceState;
import org.stageboard.core.LockInfo;
import org.stageboard.core.LedgerEntry;
import org.stageboard.core.ReleaseIdentity;
import static org.stageboard.run.RemoteLayout.q;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.stageboard.core.RunSettings;

/**
 * Reads an environment's state on a host with one remote command (plus one health answer):
 * sections framed by markers, so nothing in a file can be taken for the next section. Every
 * instance of the app is read (type, index, pid, alive, restarts, a supervisor that gave up);
 * a host still in the single-process layout ({@code .stageboard/app.pid} only) reads as before.
 */
final class HostReader {

    private static final String MARK = "@@sb-section:";

    private HostReader() {
    }

    static HostState read(RemoteShell shell, RemoteLayout layout, boolean askHealth) {
        return read(shell, layout, askHealth, null);
    }

    /** Reads the state after running {@code before} (e.g. a ledger append) in the same command; a failure of it fails the read. */
    static HostState read(RemoteShell shell, RemoteLayout layout, boolean askHealth, String before) {
        String script = before == null ? script(layout) : "{ " + before + "\n} || exit 1\n" + script(layout);
        Map<String, String> sections = sections(shell.check("Reading the host's state", script));
        Instant readAt = Instant.now();
        if (sections.containsKey("missing")) {
            return new HostState(readAt, false, null, false, null, null, false, null, null, "nothing deployed yet", null,
                    List.of(), List.of(), 0);
        }
        String link = sections.getOrDefault("current", "").strip();
        String folder = link.isEmpty() ? null : ReleaseFolders.releaseName(link);
        boolean exists = sections.getOrDefault("exists", "").strip().equals("yes");
        ReleaseIdentity identity = ReleaseJson.identity(sections.get("release")).orElse(null);
        Integer pid = AppProcess.parsePid(sections.getOrDefault("pid", ""));
        String[] alive = sections.getOrDefault("alive", "no").strip().split("\\s+");
        boolean appAlive = alive.length > 0 && alive[0].equals("yes");
        Long uptime = null;
        if (appAlive && alive.length > 1) {
            try {
                uptime = Long.parseLong(alive[1]);
            } catch (NumberFormatException ignored) {
                // ps without etimes: the uptime stays unknown.
            }
        }
        List<Instances.Read> reads = Instances.parse(sections.getOrDefault("instances", ""));
        List<InstanceState> instances = reads.stream().map(Instances.Read::state).toList();
        if (!instances.isEmpty()) {
            // Every instance is recorded: the first one stands for the app, which is up only when all are.
            pid = instances.get(0).pid();
            appAlive = instances.stream().allMatch(InstanceState::alive);
            uptime = appAlive ? reads.get(0).uptimeSeconds() : null;
        }
        LockInfo lock = RemoteLock.parse(sections.getOrDefault("lock", ""));
        List<LedgerEntry> ledger = Ledger.parse(sections.getOrDefault("ledger", "").lines().toList());
        List<String> releases = sections.getOrDefault("releases", "").lines().map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith(".")).toList();
        int parts = (int) sections.getOrDefault("parts", "").lines().filter(line -> !line.isBlank()).count();
        Boolean healthy = null;
        String health = folder == null ? "nothing is current" : exists ? "not checked" : "current points to a missing folder";
        if (askHealth && exists) {
            RunSettings run = StoredRunSettings.fromJson(sections.get("runsettings"), null);
            if (run != null) {
                try {
                    HealthProbe.Answer answer = HealthCheck.once(shell, layout, run);
                    healthy = answer.healthy();
                    health = run.healthUrl() + ": " + answer.summary();
                } catch (RuntimeException e) {
                    health = "health not asked: " + e.getMessage();
                }
            }
        }
        return new HostState(readAt, true, folder, exists, identity, pid, appAlive, uptime, healthy, health, lock, ledger,
                releases, parts, instances);
    }

    static String script(RemoteLayout layout) {
        return "cd " + q(layout.envDir()) + " 2>/dev/null || { echo '" + MARK + "missing'; exit 0; }\n"
                + "echo '" + MARK + "current'; readlink current 2>/dev/null; true\n"
                + "echo '" + MARK + "exists'; if [ -d current/ ]; then echo yes; else echo no; fi\n"
                + "echo '" + MARK + "release'; head -c 65536 current/release.json 2>/dev/null; echo\n"
                + "echo '" + MARK + "runsettings'; head -c 65536 current/" + StoredRunSettings.FILE + " 2>/dev/null; echo\n"
                + "pid=$(head -c 32 .stageboard/app.pid 2>/dev/null | tr -cd 0-9)\n"
                + "echo '" + MARK + "pid'; echo \"$pid\"\n"
                + AppProcess.FUNCTIONS
                + "echo '" + MARK + "alive'; if [ -n \"$pid\" ] && [ \"$pid\" -gt 1 ] && running \"$pid\"; then "
                + "echo yes $(ps -o etimes= -p \"$pid\" 2>/dev/null); else echo no; fi\n"
                + "echo '" + MARK + "instances'\n" + Instances.readScript()
                + "echo '" + MARK + "lock'; " + RemoteLock.readScript(layout) + "\n"
                + "echo '" + MARK + "ledger'; " + Ledger.tailCommand(layout) + "\n"
                + "echo '" + MARK + "releases'; ls -1t releases 2>/dev/null; true\n"
                + "echo '" + MARK + "parts'; ls -1 artifacts 2>/dev/null | grep -F '.part-'; true\n";
    }

    static Map<String, String> sections(String out) {
        Map<String, String> sections = new LinkedHashMap<>();
        String name = null;
        StringBuilder text = new StringBuilder();
        for (String line : out.split("\n", -1)) {
            if (line.startsWith(MARK)) {
                if (name != null) {
                    sections.put(name, text.toString());
                }
                name = line.substring(MARK.length()).strip();
                text.setLength(0);
            } else if (name != null) {
                text.append(line).append('\n');
            }
        }
        if (name != null) {
            sections.put(name, text.toString());
        }
        return sections;
    }
}
