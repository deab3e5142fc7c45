package org.stageboard.ssh;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.Base64;
import java.util.List;
import net.schmizz.sshj.common.Buffer;
import net.schmizz.sshj.common.KeyType;

/** Host-key encodings as OpenSSH writes them: wire blob, SHA256 fingerprint, known_hosts fields. */
final class HostKeys {

    private HostKeys() {
    }

    static byte[] blob(PublicKey key) {
        return new Buffer.PlainBuffer().putPublicKey(key).getCompactData();
    }

    /** {@code SHA256:} and the unpadded base64 of the SHA-256 of the key blob, as {@code ssh-keygen -l} prints it. */
    static String fingerprint(PublicKey key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(blob(key));
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    static String type(PublicKey key) {
        return KeyType.fromKey(key).toString();
    }

    /** The host field of known_hosts: {@code addr} on port 22, else {@code [addr]:port}. */
    static String hostField(String address, int port) {
        return port == 22 ? address : "[" + address + "]:" + port;
    }

    static String knownHostsLine(String address, int port, PublicKey key) {
        return hostField(address, port) + " " + type(key) + " " + Base64.getEncoder().encodeToString(blob(key));
    }

    /** Signature algorithms to ask the server for, so that it presents the type of key that is pinned. */
    static List<String> algorithms(KeyType type) {
        if (type == KeyType.RSA) {
            return List.of("rsa-sha2-512", "rsa-sha2-256", "ssh-rsa");
        }
        return List.of(type.toString());
    }

    /** Accepts a fingerprint with or without the {@code SHA256:} prefix, ignoring surrounding blanks. */
    static String normalizeFingerprint(String fingerprint) {
        String f = fingerprint == null ? "" : fingerprint.strip();
        if (f.regionMatches(true, 0, "SHA256:", 0, 7)) {
            f = f.substring(7);
        }
        while (f.endsWith("=")) {
            f = f.substring(0, f.length() - 1);
        }
        return "SHA256:" + f;
    }
}
