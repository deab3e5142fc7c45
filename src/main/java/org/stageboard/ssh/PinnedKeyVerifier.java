package org.stageboard.ssh;

import java.security.PublicKey;
import java.util.List;
import net.schmizz.sshj.transport.verification.HostKeyVerifier;

/** Accepts only the key pinned in Stageboard's known_hosts for the target's address and port. */
final class PinnedKeyVerifier implements HostKeyVerifier {

    private final KnownHosts knownHosts;
    private final String address;
    private final int port;
    private volatile HostKeyScan rejected;

    PinnedKeyVerifier(KnownHosts knownHosts, String address, int port) {
        this.knownHosts = knownHosts;
        this.address = address;
        this.port = port;
    }

    @Override
    public boolean verify(String hostname, int port, PublicKey key) {
        // The address we were asked to reach, not what the socket resolved it to, is what is pinned.
        HostKeyScan scan = knownHosts.check(address, this.port, key);
        if (scan.status() == HostKeyStatus.TRUSTED) {
            return true;
        }
        rejected = scan;
        return false;
    }

    @Override
    public List<String> findExistingAlgorithms(String hostname, int port) {
        return knownHosts.pinnedAlgorithms(address, this.port);
    }

    /** The scan of a key that was not trusted, or null. */
    HostKeyScan rejected() {
        return rejected;
    }
}
