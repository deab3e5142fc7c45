package org.stageboard.run;

import org.stageboard.core.RunStatus;

/**
 * How an activation on one host ended: {@code LIVE}; {@code ROLLED_BACK} (the new release failed
 * and the previous one serves again); {@code FAILED} or {@code CANCELLED} (nothing that served was
 * changed, or there was nothing serving before); {@code APP_DOWN} (the host was left without a
 * running app, the message says exactly how). With a message for the user, the release folder
 * that was current before (or null), the evidence of a failed health check (its last answer and
 * the app's last log lines, secrets masked; or null), and the bytes uploaded.
 */
public record DeployResult(RunStatus status, String message, String previousRelease, String evidence, long uploadedBytes) {

    public DeployResult(RunStatus status, String message, String previousRelease) {
        this(status, message, previousRelease, null, 0);
    }

    public DeployResult(RunStatus status, String message, String previousRelease, String evidence) {
        this(status, message, previousRelease, evidence, 0);
    }

    DeployResult withUpload(long bytes) {
        return new DeployResult(status, message, previousRelease, evidence, bytes);
    }
}
