package org.stageboard.ssh;

import java.security.PublicKey;
import java.util.List;
import net.schmizz.sshj.transport.verification.HostKeyVerifier;

/** Records the presented host key and rejects it, so that a scan stops before authentication. */
final class KeyRecordingVerifier implements HostKeyVerifier {

    private final List<String> preferredAlgorithms;
    private volatile PublicKey presented;

    KeyRecordingVerifier(List<String> preferredAlgorithms) {
        this.preferredAlgorithms = preferredAlgorithms;
    }

    @Override
    public boolean verify(String hostname, int port, PublicKey key) {
        presented = key;
        return false;
    }

    @Override
    public List<String> findExistingAlgorithms(String hostname, int port) {
        return preferredAlgorithms;
    }

    PublicKey presented() {
        return presented;
    }
}
