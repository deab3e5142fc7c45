package org.stageboard.cli;

import java.io.PrintWriter;
import java.util.List;
import org.stageboard.core.Release;
import org.stageboard.pipeline.DeployPlan;
import org.stageboard.core.HostPlan;
import org.stageboard.core.HostState;

/** {@code deploy --plan}: what a deploy would do on each host, read from the hosts, changing nothing. */
final class DeployPlans {

    private DeployPlans() {
    }

    /** Prints the plans; exit 0 when every host could be read, else 1 (the plan is incomplete). */
    static int print(CliContext context, Release release, List<DeployPlan> plans) {
        PrintWriter out = context.out();
        out.println("plan: deploy " + release.label() + " (build #" + release.buildNumber() + " + config v" + release.configVersion()
                + "); nothing is changed");
        boolean complete = true;
        for (DeployPlan p : plans) {
            out.println(p.host().name());
            if (p.plan() == null) {
                complete = false;
                out.println("  could not be read: " + p.error());
                continue;
            }
            HostPlan plan = p.plan();
            HostState now = plan.now();
            out.println("  now:      " + Hosts.running(now, p.runningNow()));
            out.println("  will run: " + plan.folder() + (plan.folderOnHost() ? " (already on the host: reused with its own config)" : " (new)"));
            out.println("  upload:   " + upload(plan));
            List<String> changes = p.configChanges();
            out.println("  config:   " + (changes.isEmpty() ? "no change" : changes.get(0)));
            changes.stream().skip(1).forEach(change -> out.println("            " + change));
            out.println("  lock:     " + Hosts.lock(now.lock()));
            out.println("  prune:    " + (plan.wouldPrune().isEmpty() ? "nothing" : String.join(", ", plan.wouldPrune())));
            for (int i = 0; i < plan.shared().size(); i++) {
                out.println((i == 0 ? "  shared:   " : "            ") + plan.shared().get(i));
            }
            plan.warnings().forEach(warning -> out.println("  warning:  " + warning));
        }
        out.flush();
        return complete ? 0 : StageboardCli.FAILED;
    }

    private static String upload(HostPlan plan) {
        if (plan.folderOnHost()) {
            return "nothing (the release folder is there)";
        }
        if (plan.artifactOnHost()) {
            return "reuse (the artifact is already on the host)";
        }
        return plan.bytesToUpload() < 0 ? "the artifact is missing from this machine's store: the deploy would fail; build again"
                : Formats.size(plan.bytesToUpload());
    }
}
