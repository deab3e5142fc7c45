package org.stageboard.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.stageboard.core.Hooks;
import org.stageboard.core.Processes;
import org.stageboard.core.RunSettings;
import org.stageboard.core.StageboardException;
import org.stageboard.core.Supervision;
import picocli.CommandLine.Option;

/**
 * The run settings an environment can be given or changed with: what runs (processes and scale),
 * what keeps it running, what is shared between releases, and the commands around the switch.
 * Options left out keep the current value; an empty value ({@code ''}) clears a command.
 */
final class RunSettingOptions {

    @Option(names = "--start", paramLabel = "CMD", description = "Command that starts the app in the release folder (the 'web' process), e.g. 'java -jar app.jar'.")
    String start;

    @Option(names = "--health", paramLabel = "URL", description = "Health check as seen on the host: http://127.0.0.1:8080/health, tcp://127.0.0.1:5432 or command:CMD.")
    String health;

    @Option(names = "--health-timeout", paramLabel = "SECONDS", description = "How long a new release has to become healthy (default 60).")
    Integer healthTimeout;

    @Option(names = "--stop-grace", paramLabel = "SECONDS", description = "Wait after TERM before KILL (default 10).")
    Integer stopGrace;

    @Option(names = "--keep", paramLabel = "N", description = "Releases kept on each host, besides the current one and the rollback target (default 5).")
    Integer keep;

    @Option(names = "--processes", paramLabel = "PROCFILE",
            description = "Process types in Procfile form, one 'name: command' per line (e.g. $'web: ./serve\\nworker: ./work'); '' to use the artifact's Procfile or the start command.")
    String processes;

    @Option(names = "--processes-file", paramLabel = "FILE", description = "Read the process types from this Procfile.")
    Path processesFile;

    @Option(names = "--scale", paramLabel = "TYPE=N,...", description = "Instances of each process type on every host, e.g. web=2,worker=1 ('' for one of each).")
    String scale;

    @Option(names = "--supervision", paramLabel = "HOW",
            description = "What keeps the processes running: process (default; restarts crashes), process+cron (also @reboot), systemd-user, systemd-system.")
    String supervision;

    @Option(names = "--share", paramLabel = "PATH", description = "Keep PATH in shared/ and link it into every release: 'storage/' (a folder) or 'db/app.sqlite' (a file). Repeatable.")
    List<String> share = new ArrayList<>();

    @Option(names = "--unshare", paramLabel = "PATH", description = "Stop linking PATH into new releases (the data stays in shared/). Repeatable.")
    List<String> unshare = new ArrayList<>();

    @Option(names = "--release-command", paramLabel = "CMD", description = "Run once per release on one host, before any switch (e.g. migrations); '' for none.")
    String releaseCommand;

    @Option(names = "--before-switch", paramLabel = "CMD", description = "Run on each host in the new release before its switch; '' for none.")
    String beforeSwitch;

    @Option(names = "--after-switch", paramLabel = "CMD", description = "Run on each host once the new release is healthy (failure puts the host back); '' for none.")
    String afterSwitch;

    /** True when any option was given. */
    boolean any() {
        return start != null || health != null || healthTimeout != null || stopGrace != null || keep != null || processes != null
                || processesFile != null || scale != null || supervision != null || !share.isEmpty() || !unshare.isEmpty()
                || releaseCommand != null || beforeSwitch != null || afterSwitch != null;
    }

    /** {@code base} with the options given applied. */
    RunSettings apply(RunSettings base) {
        return build(base.startCommand(), base.healthUrl(), base.healthTimeoutSeconds(), base.stopGraceSeconds(), base.keepReleases(),
                base.processes(), base.supervision(), base.shared(), base.hooks());
    }

    /** New settings from the options given, the defaults for the others. */
    RunSettings create() {
        return build("", health, 60, 10, 5, Processes.EMPTY, Supervision.PROCESS, List.of(), Hooks.NONE);
    }

    private RunSettings build(String baseStart, String baseHealth, int baseTimeout, int baseGrace, int baseKeep, Processes baseProcesses,
                              Supervision baseSupervision, List<String> baseShared, Hooks baseHooks) {
        String procfile = processesFile != null ? read(processesFile) : processes != null ? processes : baseProcesses.procfile();
        Processes newProcesses = new Processes(procfile, scale != null ? Processes.parseScale(scale) : baseProcesses.scale());
        List<String> shared = new ArrayList<>(baseShared);
        for (String path : unshare) {
            if (!shared.remove(path.strip())) {
                throw new StageboardException("'" + path + "' is not shared; shared now: " + (shared.isEmpty() ? "nothing" : String.join(" ", shared)) + ".");
            }
        }
        share.stream().map(String::strip).filter(p -> !shared.contains(p)).forEach(shared::add);
        Hooks hooks = new Hooks(releaseCommand != null ? releaseCommand : baseHooks.releaseCommand(),
                beforeSwitch != null ? beforeSwitch : baseHooks.beforeSwitch(),
                afterSwitch != null ? afterSwitch : baseHooks.afterSwitch());
        return new RunSettings(start != null ? start : baseStart, health != null ? health : baseHealth,
                healthTimeout != null ? healthTimeout : baseTimeout, stopGrace != null ? stopGrace : baseGrace,
                keep != null ? keep : baseKeep, newProcesses,
                supervision != null ? Supervision.of(supervision) : baseSupervision, shared, hooks);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new StageboardException("Cannot read the process list " + file + ": " + e.getMessage() + ".");
        }
    }

    /** Every setting, one per line, as {@code env show} prints them. */
    static List<String> describe(RunSettings run) {
        List<String> lines = new ArrayList<>();
        lines.add("start:           " + (run.startCommand().isBlank() ? "(none)" : run.startCommand()));
        lines.add("health:          " + run.healthUrl() + " (timeout " + run.healthTimeoutSeconds() + " s)");
        if (run.processes().procfile().isEmpty()) {
            lines.add("processes:       from the artifact's Procfile if it has one, else web = the start command");
        } else {
            lines.add("processes:");
            Processes.parseProcfile(run.processes().procfile(), "processes").forEach((type, command) -> lines.add("  " + type + ": " + command));
        }
        lines.add("scale:           " + (run.processes().scale().isEmpty() ? "one of each" : run.processes().scaleText()));
        lines.add("supervision:     " + run.supervision().key());
        lines.add("shared:          " + (run.shared().isEmpty() ? "(nothing)" : String.join(" ", run.shared())));
        lines.add("release command: " + orNone(run.hooks().releaseCommand()));
        lines.add("before switch:   " + orNone(run.hooks().beforeSwitch()));
        lines.add("after switch:    " + orNone(run.hooks().afterSwitch()));
        lines.add("stop grace:      " + run.stopGraceSeconds() + " s");
        lines.add("keep releases:   " + run.keepReleases());
        return lines;
    }

    private static String orNone(String text) {
        return text == null ? "(none)" : text;
    }
}
