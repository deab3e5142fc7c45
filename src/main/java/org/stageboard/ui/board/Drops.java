package org.stageboard.ui.board;

import java.util.List;
import org.stageboard.core.Build;
import org.stageboard.core.Release;
import org.stageboard.pipeline.BoardSnapshot;

/**
 * Decides what a drop means, whether it is allowed and why not: a successful build on an
 * environment's row in Release releases it there; a release on a host slot or on its
 * environment's row in Run deploys it. Everything else is refused with the way to do it.
 */
final class Drops {

    private Drops() {
    }

    static DropDecision decide(Card dragged, DropTarget target, BoardSnapshot snapshot) {
        if (dragged == null || target == null) {
            return DropDecision.refuse("Nothing is being dragged.");
        }
        if (dragged.item() instanceof Build build) {
            return build(build, target);
        }
        if (dragged.item() instanceof Release release) {
            return release(release, target, snapshot);
        }
        return DropDecision.refuse("Only builds and releases can be dragged.");
    }

    private static DropDecision build(Build build, DropTarget target) {
        String name = "build #" + build.number();
        if (!build.succeeded()) {
            return DropDecision.refuse(name + " did not succeed (" + build.status().name().toLowerCase(java.util.Locale.ROOT)
                    + "): only a successful build has an artifact to release.");
        }
        if (target.kind() != DropTarget.Kind.RELEASE_ROW) {
            return DropDecision.refuse("Release " + name + " first: drop it on an environment's row in the Release lane.");
        }
        return new DropDecision(DropDecision.Action.RELEASE,
                "Release " + name + " to " + target.environment().name() + ": its artifact + " + target.environment().name() + "'s config.");
    }

    private static DropDecision release(Release release, DropTarget target, BoardSnapshot snapshot) {
        if (target.kind() == DropTarget.Kind.RELEASE_ROW) {
            return DropDecision.refuse(release.label() + " is already a release: drop it on a host in the Run lane to deploy it"
                    + (target.environment().id() == release.environmentId() ? "." : ", or Promote… it to " + target.environment().name() + "."));
        }
        if (target.environment().id() != release.environmentId()) {
            return DropDecision.refuse(release.label() + " carries " + release.environmentName() + "'s config, not "
                    + target.environment().name() + "'s: Promote… it to " + target.environment().name() + " first.");
        }
        if (target.kind() == DropTarget.Kind.HOST) {
            return new DropDecision(DropDecision.Action.DEPLOY_HOST,
                    "Deploy " + release.label() + " to " + target.slot().host().name() + " (the plan is shown first).");
        }
        List<Long> hosts = snapshot == null ? List.of() : snapshot.environmentHosts().getOrDefault(target.environment().id(), List.of());
        if (hosts.isEmpty()) {
            return DropDecision.refuse(target.environment().name() + " has no host yet: Hosts ▸ Attach host to environment… first.");
        }
        return new DropDecision(DropDecision.Action.DEPLOY_ENVIRONMENT,
                "Deploy " + release.label() + " to the hosts of " + target.environment().name() + " (the plan is shown first).");
    }
}
