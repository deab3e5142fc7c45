package org.stageboard.cli;

import java.util.concurrent.Callable;
import org.stageboard.core.Project;
import org.stageboard.core.Release;
import org.stageboard.pipeline.Stageboard;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "diff", description = {"Show what changes from one release to another: commits between their builds (sha, message, author),",
        "config keys added, removed and changed (secret values masked), artifact size change, and whether it is a new artifact or a restart only.",
        "Releases are N (of -e ENV) or ENV:N, e.g. 'stageboard diff -e staging 3 5' or 'stageboard diff --from staging:5 --to production:2'."})
final class DiffCommand implements Callable<Integer> {
    private final CliContext context;

    @Mixin
    ProjectOption project;

    @Option(names = {"-e", "--env"}, paramLabel = "ENV", description = "Environment of releases given by number only.")
    String env;

    @Option(names = "--from", paramLabel = "RELEASE", description = "The release to compare from (N or ENV:N).")
    String from;

    @Option(names = "--to", paramLabel = "RELEASE", description = "The release to compare to (N or ENV:N).")
    String to;

    @Parameters(paramLabel = "RELEASE", arity = "0..2", description = "From and to, when --from/--to are not given.")
    java.util.List<String> releases = new java.util.ArrayList<>();

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    DiffCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        String a = from != null ? from : releases.size() > 0 ? releases.get(0) : null;
        String b = to != null ? to : releases.size() > (from != null ? 0 : 1) ? releases.get(from != null ? 0 : 1) : null;
        if (a == null || b == null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "Name two releases: 'diff -e ENV A B' or 'diff --from ENV:A --to ENV:B'.");
        }
        Stageboard engine = context.engine();
        Project p = context.project(project.name);
        ReleaseTexts.diff(context.out(), engine.diff(release(engine, p, a), release(engine, p, b)));
        return 0;
    }

    private Release release(Stageboard engine, Project p, String ref) {
        int colon = ref.lastIndexOf(':');
        String envName = colon > 0 ? ref.substring(0, colon) : env;
        if (envName == null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "Release '" + ref + "' names no environment: give -e ENV or write it as ENV:N (e.g. staging:3).");
        }
        return engine.release(context.environment(p, envName), ConfigCommand.Diff.number(ref.substring(colon + 1)));
    }
}
