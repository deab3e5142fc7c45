package org.stageboard.ui.dialog;

import java.util.ArrayList;
import java.util.List;
import org.stageboard.pipeline.DeployPlan;
import org.stageboard.ui.board.Formats;
import org.stageboard.ui.hosts.LockFacts;
import org.stageboard.ui.hosts.PlanFacts;

/** A deploy plan of one host in lines a person reads before deploying: now → will run, upload, config, lock, prune. */
final class PlanText {

    private PlanText() {
    }

    static List<String> lines(DeployPlan plan, PlanFacts facts) {
        List<String> lines = new ArrayList<>();
        if (facts == null) {
            lines.add("✗ could not read " + plan.host().name() + ": " + (plan.error() == null ? "no answer" : plan.error()));
            lines.add("The deploy will try it anyway and say what went wrong.");
            return lines;
        }
        lines.add("now: " + now(plan, facts));
        lines.add("→ will run " + plan.release().label() + " (releases/" + facts.folder()
                + (facts.folderOnHost() ? ", already unpacked there: reused" : "") + ")");
        lines.add(facts.artifactOnHost() ? "artifact already on the host: nothing to upload"
                : "upload " + Formats.size(facts.bytesToUpload()));
        lines.add(plan.configChanges().isEmpty() ? "config: no change" : "config: " + String.join(", ", plan.configChanges()));
        LockFacts lock = facts.now().lock();
        if (lock == null) {
            lines.add("lock: free");
        } else if (lock.stale()) {
            lines.add("⚠ lock: STALE, held by " + lock.who() + " (" + lock.staleReason() + "): the deploy stops there; break the lock from the host's slot first");
        } else {
            lines.add("⚠ lock: held by " + lock.who() + (lock.release() == null ? "" : ", activating " + lock.release())
                    + ": the deploy stops there until that run ends");
        }
        lines.add(facts.wouldPrune().isEmpty() ? "prunes: nothing" : "prunes old releases: " + String.join(", ", facts.wouldPrune()));
        return lines;
    }

    private static String now(DeployPlan plan, PlanFacts facts) {
        if (facts.now().currentFolder() == null) {
            return "nothing deployed";
        }
        String what = plan.runningNow() != null ? plan.runningNow().label() : facts.now().currentFolder() + " (not this catalog's)";
        return what + (facts.now().appAlive() ? " · app up" : " · app DOWN");
    }
}
