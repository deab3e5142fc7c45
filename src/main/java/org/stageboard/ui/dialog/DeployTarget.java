package org.stageboard.ui.dialog;

import org.stageboard.core.Host;

/** Where a release goes: one host, or every host of its environment by its rollout settings. */
public record DeployTarget(Host host, boolean allHosts) {

    public static DeployTarget one(Host host) {
        return new DeployTarget(host, false);
    }

    public static DeployTarget all() {
        return new DeployTarget(null, true);
    }
}
