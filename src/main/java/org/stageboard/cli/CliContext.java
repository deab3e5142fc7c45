package org.stageboard.cli;

import java.io.PrintWriter;
import java.util.List;
import org.stageboard.core.Environment;
import org.stageboard.core.Progress;
import org.stageboard.core.Project;
import org.stageboard.core.StageboardException;
import org.stageboard.pipeline.Stageboard;
import org.stageboard.pipeline.StageboardHome;

/** What every command shares: the engine (opened on first use), the output streams, the project default. */
final class CliContext implements AutoCloseable {

    private final StageboardHome home;
    private final PrintWriter out;
    private final PrintWriter err;
    private Stageboard engine;

    CliContext(StageboardHome home, PrintWriter out, PrintWriter err) {
        this.home = home;
        this.out = out;
        this.err = err;
    }

    Stageboard engine() {
        if (engine == null) {
            engine = Stageboard.open(home);
        }
        return engine;
    }

    PrintWriter out() {
        return out;
    }

    PrintWriter err() {
        return err;
    }

    /** The named project; without a name, STAGEBOARD_PROJECT, or the only project there is. */
    Project project(String name) {
        String chosen = name != null ? name : System.getenv("STAGEBOARD_PROJECT");
        if (chosen != null && !chosen.isBlank()) {
            return engine().project(chosen);
        }
        List<Project> all = engine().projects();
        if (all.size() == 1) {
            return all.get(0);
        }
        throw new StageboardException(all.isEmpty()
                ? "There is no project yet: add one with 'stageboard project add NAME --repo PATH ...'."
                : "Several projects exist: name one with --project (" + String.join(", ", all.stream().map(Project::name).toList()) + ").");
    }

    /** The named environment of the named (or default) project. */
    Environment environment(String projectName, String environmentName) {
        return engine().environment(project(projectName), environmentName);
    }

    /** Progress on stderr: steps always, log lines when verbose. */
    Progress progress(boolean verbose) {
        return new Progress() {
            @Override
            public void step(String title) {
                err.println("-> " + title);
            }

            @Override
            public void log(String line) {
                if (verbose) {
                    err.println("   " + line);
                }
            }
        };
    }

    @Override
    public void close() {
        if (engine != null) {
            engine.close();
        }
    }
}
