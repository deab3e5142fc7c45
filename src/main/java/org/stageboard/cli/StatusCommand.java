package org.stageboard.cli;

import java.util.concurrent.Callable;
import org.stageboard.core.Build;
import org.stageboard.core.Environment;
import org.stageboard.core.Host;
import org.stageboard.core.Project;
import org.stageboard.core.Release;
import org.stageboard.pipeline.Stageboard;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "status", description = "What is live where: per environment and host, plus the newest build and release.")
final class StatusCommand implements Callable<Integer> {
    private final CliContext context;

    @Mixin
    ProjectOption project;

    StatusCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Stageboard engine = context.engine();
        Project p = context.project(project.name);
        context.out().println("project " + p.name() + "  (" + p.repository() + ", branch " + p.branch() + ")");
        engine.builds(p).stream().findFirst().ifPresent(b -> context.out().println("newest build  " + Formats.build(b)));
        for (Environment e : engine.environments(p)) {
            String newest = engine.releases(e).stream().findFirst().map(Release::label).orElse("no release yet");
            context.out().println("env " + e.name() + "  newest release: " + newest);
            for (Host h : engine.hosts(e)) {
                String live = engine.catalog().runs().live(e.id(), h.id())
                        .map(run -> {
                            Release r = engine.catalog().releases().get(run.releaseId());
                            Build b = engine.catalog().builds().get(r.buildId());
                            return r.label() + " (build #" + b.number() + " " + b.shortSha() + ") live since " + Formats.time(run.finishedAt());
                        }).orElse("nothing live");
                context.out().println("  " + h.name() + "  " + live);
            }
        }
        return 0;
    }
}
