package org.stageboard.pipeline;

import org.stageboard.core.Environment;
import org.stageboard.core.Host;
import org.stageboard.core.Release;
import org.stageboard.core.HostState;

/**
 * What a rollback on one host would activate, decided from the host's own ledger before doing
 * anything: the current folder (and this catalog's release for it, if any), the target folder and
 * release (null when there is nothing to go back to), and a sentence saying so.
 */
public record RollbackChoice(Environment environment, Host host, HostState state, Release current, Release target,
                             String targetFolder, String explanation) {

    public boolean possible() {
        return target != null;
    }
}
