package org.stageboard.cli;

import java.util.concurrent.Callable;
import org.stageboard.core.Environment;
import org.stageboard.core.Project;
import org.stageboard.core.Release;
import org.stageboard.pipeline.Stageboard;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "promote", description = {"Make a release of the next environment in the promotion order (see 'env promote-order') from the exact",
        "artifact of a release of this one: same build, same SHA-256, no rebuild; with the next environment's latest config.",
        "Default release: the newest one live on the environment's hosts, else the newest. Deploy it with 'stageboard deploy'."})
final class PromoteCommand implements Callable<Integer> {
    private final CliContext context;

    @Mixin
    ProjectOption project;

    @Mixin
    ConfigCommand.EnvOption env;

    @Parameters(paramLabel = "N", arity = "0..1", description = "Release number of ENV to promote (e.g. 3 or v3).")
    String version;

    PromoteCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Stageboard engine = context.engine();
        Project p = context.project(project.name);
        Environment from = context.environment(p, env.name);
        Release source = version == null ? engine.promotionSource(from) : engine.release(from, ConfigCommand.Diff.number(version));
        Release made = engine.promote(source);
        context.out().println("promoted " + source.label() + " to " + made.label());
        ReleaseTexts.details(context.out(), engine.releaseDetails(made));
        var diff = engine.diff(source, made);
        ReleaseTexts.config(context.out(), diff.config(), "  config against " + source.label() + ": ", "  ");
        context.out().println("deploy it with: stageboard deploy -e " + made.environmentName() + " -r " + made.version());
        return 0;
    }
}
