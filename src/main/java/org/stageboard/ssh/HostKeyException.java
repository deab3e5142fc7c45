package org.stageboard.ssh;

import org.stageboard.core.StageboardException;

/**
 * The host presented a key that is not pinned ({@link HostKeyStatus#UNKNOWN}) or differs from the
 * pinned one ({@link HostKeyStatus#CHANGED}). Nothing was sent to the host: the connection stopped
 * before authentication.
 */
public class HostKeyException extends StageboardException {

    private final HostKeyScan scan;

    public HostKeyException(HostKeyScan scan) {
        super(messageFor(scan));
        this.scan = scan;
    }

    /** The presented key's fingerprint, {@code SHA256:…}. */
    public String fingerprint() {
        return scan.fingerprint();
    }

    /** {@link HostKeyStatus#UNKNOWN} or {@link HostKeyStatus#CHANGED}. */
    public HostKeyStatus status() {
        return scan.status();
    }

    /** Everything known about the presented and the pinned key. */
    public HostKeyScan scan() {
        return scan;
    }

    private static String messageFor(HostKeyScan scan) {
        String host = scan.address() + ":" + scan.port();
        if (scan.status() == HostKeyStatus.CHANGED) {
            return "WARNING: the host key of " + host + " has CHANGED: it presents " + scan.keyType() + " "
                    + scan.fingerprint() + " but " + scan.pinnedFingerprint() + " is pinned. Someone may be "
                    + "intercepting the connection (man-in-the-middle attack), or the host was reinstalled. "
                    + "Do not connect until you have checked the new fingerprint with the host's administrator; "
                    + "then trust it with 'stageboard host trust NAME'.";
        }
        return "The host key of " + host + " is not known yet: it presents " + scan.keyType() + " "
                + scan.fingerprint() + ". Trust it with 'stageboard host trust NAME' after checking the "
                + "fingerprint with the host's administrator (on the host: ssh-keygen -lf /etc/ssh/ssh_host_*_key.pub).";
    }
}
