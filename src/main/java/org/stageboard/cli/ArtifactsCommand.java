package org.stageboard.cli;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.stageboard.core.Artifact;
import org.stageboard.core.ArtifactCheck;
import org.stageboard.core.PruneResult;
import org.stageboard.core.StageboardException;
import org.stageboard.core.StoredArtifact;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "artifacts", description = "List, verify or prune the local artifact store.",
        subcommands = {ArtifactsCommand.ListArtifacts.class, ArtifactsCommand.Verify.class, ArtifactsCommand.Prune.class})
final class ArtifactsCommand {

    @Command(name = "list", description = "List the recorded artifacts, newest first, with their state (ok, corrupt, missing, pruned).")
    static final class ListArtifacts implements Callable<Integer> {
        private final CliContext context;

        ListArtifacts(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            for (StoredArtifact a : context.engine().artifacts()) {
                context.out().println(a.artifact().sha256().substring(0, 12) + "  " + a.state().label() + "  " + Formats.size(a.artifact().size())
                        + "  commit " + a.artifact().commitSha().substring(0, 7) + "  " + Formats.time(a.artifact().createdAt())
                        + (a.checkedAt() == null ? "" : "  checked " + Formats.time(a.checkedAt())));
            }
            return 0;
        }
    }

    @Command(name = "verify", description = {"Re-hash every stored artifact (exit 1 if one is corrupt or missing).",
            "A corrupt or missing artifact is marked: the build cache no longer reuses it; build its commit again with --force."})
    static final class Verify implements Callable<Integer> {
        private final CliContext context;

        Verify(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            List<ArtifactCheck> checks = context.engine().verifyArtifacts(context.progress(false));
            long bad = 0;
            for (ArtifactCheck c : checks) {
                String line = c.artifact().sha256().substring(0, 12) + "  " + (c.ok() ? "ok" : c.state().name()) + (c.detail() == null ? "" : "  " + c.detail());
                if (c.ok()) {
                    context.out().println(line);
                } else {
                    bad++;
                    context.out().println(context.red(line));
                }
            }
            context.out().println(Formats.count(checks.size(), "artifact") + " verified, " + bad + " corrupt or missing");
            return bad == 0 ? 0 : StageboardCli.FAILED;
        }
    }

    @Command(name = "prune", description = {"Remove old artifacts: per project, those beyond the newest --keep that are older than --older-than days.",
            "Never removes an artifact a kept release uses (the newest releases each environment keeps, what each host last ran)."})
    static final class Prune implements Callable<Integer> {
        private final CliContext context;

        @Option(names = "--keep", paramLabel = "N", description = "Keep the newest N artifacts of each project (default 0).")
        Integer keep;

        @Option(names = "--older-than", paramLabel = "DAYS", description = "Remove only artifacts older than DAYS days (default 0).")
        Integer olderThanDays;

        @Option(names = "--dry-run", description = "Say what would be removed; remove nothing.")
        boolean dryRun;

        Prune(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            if (keep == null && olderThanDays == null) {
                throw new StageboardException("Say what to keep: --keep N (newest per project) and/or --older-than DAYS.");
            }
            PruneResult result = context.engine().pruneArtifacts(keep == null ? 0 : keep, Duration.ofDays(olderThanDays == null ? 0 : olderThanDays),
                    dryRun, context.progress(false));
            for (Artifact a : result.removed()) {
                context.out().println((dryRun ? "would remove " : "removed ") + a.sha256().substring(0, 12) + "  " + Formats.size(a.size())
                        + "  " + Formats.time(a.createdAt()));
            }
            for (Artifact a : result.keptForReleases()) {
                context.out().println("kept " + a.sha256().substring(0, 12) + ": a kept release uses it");
            }
            context.out().println((dryRun ? "would remove " : "removed ") + Formats.count(result.removed().size(), "artifact") + ", "
                    + Formats.size(result.bytesFreed()) + "; " + result.keptForReleases().size() + " kept for releases");
            return 0;
        }
    }
}
