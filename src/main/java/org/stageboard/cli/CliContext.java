package org.stageboard.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.stageboard.core.Environment;
import org.stageboard.core.Host;
import org.stageboard.core.NotFoundException;
import org.stageboard.core.Progress;
import org.stageboard.core.Project;
import org.stageboard.core.StageboardException;
import org.stageboard.pipeline.Stageboard;
import org.stageboard.pipeline.StageboardHome;

/**
 * What every command shares: the engine (opened on first use), the streams, the project default,
 * and Ctrl-C. When the CLI is the process ({@code ownsProcess}), Ctrl-C during work that was
 * handed a {@link #progress} cancels it and waits for its clean-up; otherwise it ends the process.
 */
final class CliContext implements AutoCloseable {

    static final String CANCELLING = "cancelling: cleaning up on the host (the lock is released, a switched host is rolled back)…";

    private final StageboardHome home;
    private final InputStream inStream;
    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean ownsProcess;
    private final Terminal terminal;
    private Stageboard engine;
    private Interrupts interrupts;
    private BufferedReader in;
    private volatile boolean cancellable;
    private volatile boolean cancelled;

    /** Where secrets are typed without echo: the process's console. */
    interface Terminal {
        /** The line typed after {@code prompt}, not echoed; null at the end of input. */
        char[] readPassword(String prompt);
    }

    CliContext(StageboardHome home, InputStream in, PrintWriter out, PrintWriter err, boolean ownsProcess) {
        this(home, in, out, err, ownsProcess, ownsProcess && System.console() != null ? prompt -> System.console().readPassword("%s", prompt) : null);
    }

    /** @param terminal where passphrases are asked for; null when there is no terminal (then they come from the environment) */
    CliContext(StageboardHome home, InputStream in, PrintWriter out, PrintWriter err, boolean ownsProcess, Terminal terminal) {
        this.home = home;
        this.inStream = in;
        this.out = out;
        this.err = err;
        this.ownsProcess = ownsProcess;
        this.terminal = terminal;
    }

    Stageboard engine() {
        if (engine == null) {
            engine = Stageboard.open(home, this::secretsPassphrase);
            if (ownsProcess) {
                interrupts = Interrupts.install(this::cancel);
            }
        }
        return engine;
    }

    PrintWriter out() {
        return out;
    }

    PrintWriter err() {
        return err;
    }

    /** One line of stdin, or null at its end: answers to questions, secrets piped in. */
    String readLine() {
        try {
            if (in == null) {
                in = new BufferedReader(new InputStreamReader(inStream, StandardCharsets.UTF_8));
            }
            return in.readLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Asks on stderr; true only for an answer of y or yes. */
    boolean confirm(String question) {
        err.print(question + " [y/N] ");
        err.flush();
        String answer = readLine();
        if (!interactive()) {
            err.println(answer == null ? "" : answer.strip()); // what was answered, as a terminal would echo it
        }
        return answer != null && (answer.strip().equalsIgnoreCase("y") || answer.strip().equalsIgnoreCase("yes"));
    }

    /** True when a person is at a terminal: questions can be asked and colours shown. */
    boolean interactive() {
        return ownsProcess && System.console() != null;
    }

    /** The words in red on a terminal that takes colours; as they are elsewhere. */
    String red(String words) {
        return interactive() && System.getenv("NO_COLOR") == null && !"dumb".equals(System.getenv("TERM"))
                ? "\u001b[31m" + words + "\u001b[0m" : words;
    }

    /**
     * The named project; without a name, $STAGEBOARD_PROJECT, else the default project ('project
     * use'), else the only project there is.
     */
    Project project(String name) {
        String chosen = name != null ? name : System.getenv("STAGEBOARD_PROJECT");
        if (chosen != null && !chosen.isBlank()) {
            return engine().project(chosen);
        }
        var byDefault = engine().defaultProject();
        if (byDefault.isPresent()) {
            return byDefault.get();
        }
        List<Project> all = engine().projects();
        if (all.size() == 1) {
            return all.get(0);
        }
        throw new StageboardException(all.isEmpty()
                ? "There is no project yet: add one with 'stageboard project add NAME --repo PATH ...'."
                : "Several projects exist: name one with --project (" + String.join(", ", all.stream().map(Project::name).toList())
                        + "), or set a default once with 'stageboard project use NAME'.");
    }

    /**
     * The passphrase that seals this catalog's secrets, asked for at a terminal the first time a
     * secret is used when $STAGEBOARD_PASSPHRASE is not set; null without a terminal (the engine then
     * says to set $STAGEBOARD_PASSPHRASE).
     */
    private char[] secretsPassphrase() {
        if (terminal == null) {
            return null;
        }
        return terminal.readPassword("Passphrase of Stageboard's secrets (" + home.passphraseFile() + "): ");
    }

    /**
     * At a terminal, asks for the passphrase of each host key that has one not yet known (not
     * stored, not in $STAGEBOARD_KEY_PASSPHRASE) and checks it, asking again after a wrong one (three
     * tries); elsewhere leaves it to the connection, which then says how to give it.
     */
    void unlockKeys(List<Host> hosts) {
        if (terminal == null) {
            return;
        }
        for (Host host : hosts) {
            for (int attempt = 1; engine().keyNeedsPassphrase(host); attempt++) {
                char[] passphrase = terminal.readPassword("Passphrase for " + host.privateKey() + " (host " + host.name() + "): ");
                if (passphrase == null) {
                    return;
                }
                try {
                    engine().unlockKey(host, passphrase);
                } catch (org.stageboard.core.KeyPassphraseException e) {
                    if (attempt == 3) {
                        throw e;
                    }
                    line("wrong passphrase: it does not open " + host.privateKey() + "; try again.");
                } finally {
                    java.util.Arrays.fill(passphrase, '\0');
                }
            }
        }
    }

    /**
     * A key's passphrase typed by the user: read from stdin (one line) when {@code fromStdin},
     * else asked for at a terminal without echo, else null (then $STAGEBOARD_KEY_PASSPHRASE may give it).
     */
    char[] passphrase(String prompt, boolean fromStdin) {
        if (fromStdin) {
            String line = readLine();
            if (line == null || line.isEmpty()) {
                throw new StageboardException("--passphrase-stdin was given but stdin had no line: pipe the passphrase in, e.g. from a secret store.");
            }
            return line.toCharArray();
        }
        if (terminal != null) {
            return terminal.readPassword(prompt);
        }
        return null;
    }

    /** The named environment of the named (or default) project. */
    Environment environment(String projectName, String environmentName) {
        return environment(project(projectName), environmentName);
    }

    /** The project's environment of that name; else says which project has which environments (a typo is then plain to see). */
    Environment environment(Project project, String environmentName) {
        try {
            return engine().environment(project, environmentName);
        } catch (NotFoundException e) {
            List<String> names = engine().environments(project).stream().map(Environment::name).toList();
            throw new NotFoundException("No environment named '" + environmentName + "' in project " + project.name() + (names.isEmpty()
                    ? ": it has none yet. Create one with 'stageboard env add'."
                    : "; its environments: " + String.join(", ", names) + ". Give one of them, or create it with 'stageboard env add'."));
        }
    }

    /** The environment's hosts, or the named one, which must run it. */
    List<Host> hosts(Environment environment, String hostName) {
        List<Host> all = engine().hosts(environment);
        if (hostName == null) {
            if (all.isEmpty()) {
                throw new StageboardException("Environment " + environment.name() + " has no hosts: add one and attach it first.");
            }
            return all;
        }
        Host host = engine().host(hostName);
        if (all.stream().noneMatch(h -> h.id() == host.id())) {
            throw new StageboardException("Host " + host.name() + " does not run environment " + environment.name()
                    + ": attach it first ('stageboard env attach " + environment.name() + " " + host.name() + "').");
        }
        return List.of(host);
    }

    /**
     * Progress on stderr, each line flushed as it happens (pipes see it live): steps always, log
     * lines when verbose. Work given this progress is cancelled by Ctrl-C and cleans up first.
     */
    Progress progress(boolean verbose) {
        cancellable = true;
        return new Progress() {
            @Override
            public void step(String title) {
                line("-> " + title);
            }

            @Override
            public void log(String line) {
                if (verbose) {
                    line("   " + line);
                }
            }

            @Override
            public boolean isCancelled() {
                return cancelled;
            }
        };
    }

    /**
     * Ctrl-C (or the JVM ending): cancels the work and says so. True when work was cancelled and
     * will clean up, so the caller waits for it; false when there is none and the process may end now.
     */
    boolean cancel() {
        if (!cancellable) {
            return false;
        }
        if (!cancelled) {
            cancelled = true;
            line(CANCELLING);
        } else {
            line("still cleaning up on the host; to quit at once, leaving the host as it is (lock held): kill -9 "
                    + ProcessHandle.current().pid());
        }
        return true;
    }

    private void line(String text) {
        synchronized (err) {
            err.println(text);
            err.flush();
        }
    }

    @Override
    public void close() {
        try {
            if (engine != null) {
                engine.close();
            }
        } finally {
            if (interrupts != null) {
                interrupts.close();
            }
        }
    }
}
