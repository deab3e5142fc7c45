package org.stageboard.run;

import org.stageboard.core.RunStatus;

/**
 * How an activation on one host ended: {@code LIVE}, {@code ROLLED_BACK} (the new release failed
 * its health check and the previous one runs again) or {@code FAILED}; a message for the user;
 * and the release folder that was current before, or null.
 */
public record DeployResult(RunStatus status, String message, String previousRelease) {
}
