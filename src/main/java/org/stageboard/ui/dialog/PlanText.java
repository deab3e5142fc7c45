package org.stageboard.ui.dialog;

import java.util.ArrayList;
import java.util.List;
import org.stageboard.core.HostPlan;
import org.stageboard.core.LockInfo;
import org.stageboard.pipeline.DeployPlan;
import org.stageboard.ui.board.Formats;

/** A deploy plan of one host in lines a person reads before deploying: now → will run, upload, config, lock, prune. */
final class PlanText {

    private PlanText() {
    }

    static List<String> lines(DeployPlan plan) {
        HostPlan facts = plan.plan();
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
        LockInfo lock = facts.now().lock();
        String stale = lock == null ? null : lock.staleReason();
        String who = lock == null ? null : (lock.holder() == null ? "an unknown holder" : lock.holder())
                + (lock.actor() == null ? "" : " (" + lock.actor() + ")");
        if (lock == null) {
            lines.add("lock: free");
        } else if (stale != null) {
            lines.add("⚠ lock: STALE, held by " + who + " (" + stale + "): the deploy stops there; break the lock from the host's slot first");
        } else {
            lines.add("⚠ lock: held by " + who + (lock.release() == null ? "" : ", " + lock.doing())
                    + ": the deploy stops there until that run ends");
        }
        lines.add(facts.wouldPrune().isEmpty() ? "prunes: nothing" : "prunes old releases: " + String.join(", ", facts.wouldPrune()));
        if (!facts.shared().isEmpty()) {
            lines.add("shared data: " + String.join(", ", facts.shared()));
        }
        facts.warnings().forEach(warning -> lines.add("⚠ " + warning));
        return lines;
    }

    private static String now(DeployPlan plan, HostPlan facts) {
        if (facts.now().currentFolder() == null) {
            return "nothing deployed";
        }
        String what = plan.runningNow() != null ? plan.runningNow().label() : facts.now().currentFolder() + " (not this catalog's)";
        return what + (facts.now().appAlive() ? " · app up" : " · app DOWN");
    }
}
