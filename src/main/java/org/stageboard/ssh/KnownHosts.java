package org.stageboard.ssh;

import com.hierynomus.sshj.transport.verification.KnownHostMatchers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.PublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.common.Buffer;
import net.schmizz.sshj.common.KeyType;
import org.stageboard.core.StageboardException;

/**
 * The known_hosts file Stageboard owns (e.g. {@code ~/.stageboard/known_hosts}), in OpenSSH
 * format with {@code [addr]:port} for ports other than 22. It pins one host key per address and
 * port. Only {@link #trust} writes it, and only after the user confirmed the fingerprint.
 */
public final class KnownHosts {

    private static final Object WRITE_LOCK = new Object();
    /** A SHA-256 digest in unpadded base64, as OpenSSH prints it. */
    private static final java.util.regex.Pattern SHA256_FINGERPRINT = java.util.regex.Pattern.compile("SHA256:[A-Za-z0-9+/]{43}");

    private final Path file;

    public KnownHosts(Path file) {
        if (file == null) {
            throw new StageboardException("No known_hosts file given: Stageboard needs one to pin host keys.");
        }
        this.file = file;
    }

    public Path file() {
        return file;
    }

    /**
     * Connects, reads the key the host presents without authenticating, and compares it with the
     * pinned key. Changes nothing.
     */
    public HostKeyScan scan(String address, int port, Duration timeout) {
        return check(address, port, presentedKey(address, port, timeout));
    }

    /**
     * Pins the host's key, as an explicit user action: scans again, refuses if the presented
     * key's fingerprint is not {@code expectedFingerprint}, else writes or replaces the entry.
     */
    public HostKeyScan trust(String address, int port, String expectedFingerprint, Duration timeout) {
        if (expectedFingerprint == null || expectedFingerprint.isBlank()) {
            throw new StageboardException("Give the fingerprint you expect for " + address + ":" + port
                    + " (SHA256:…): Stageboard only trusts a host key you have checked.");
        }
        String expected = HostKeys.normalizeFingerprint(expectedFingerprint);
        if (!SHA256_FINGERPRINT.matcher(expected).matches()) {
            throw new StageboardException("'" + expectedFingerprint.strip() + "' is not a SHA256 fingerprint: give it as 'ssh-keygen -lf' "
                    + "prints it on the host, SHA256: then 43 letters, digits, '+' or '/' (e.g. "
                    + "SHA256:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU). Nothing was trusted.");
        }
        PublicKey key = presentedKey(address, port, timeout);
        String presented = HostKeys.fingerprint(key);
        if (!presented.equals(expected)) {
            throw new StageboardException("Not trusted: " + address + ":" + port + " presents " + HostKeys.type(key)
                    + " " + presented + ", not the expected " + expected + ". Check the fingerprint with the host's "
                    + "administrator; if it really differs, someone may be intercepting the connection.");
        }
        pin(address, port, key);
        return new HostKeyScan(address, port, HostKeys.type(key), presented, HostKeyStatus.TRUSTED, presented);
    }

    /** The fingerprint pinned for this address and port, if any. */
    public Optional<String> pinnedFingerprint(String address, int port) {
        return entries(address, port).stream().findFirst().map(e -> HostKeys.fingerprint(e.key()));
    }

    /** Compares a presented key with the pinned ones, without connecting. */
    HostKeyScan check(String address, int port, PublicKey key) {
        String fingerprint = HostKeys.fingerprint(key);
        String type = HostKeys.type(key);
        List<Entry> pinned = entries(address, port);
        if (pinned.isEmpty()) {
            return new HostKeyScan(address, port, type, fingerprint, HostKeyStatus.UNKNOWN, null);
        }
        for (Entry entry : pinned) {
            if (HostKeys.fingerprint(entry.key()).equals(fingerprint)) {
                return new HostKeyScan(address, port, type, fingerprint, HostKeyStatus.TRUSTED, fingerprint);
            }
        }
        Entry shown = pinned.stream().filter(e -> e.type() == KeyType.fromKey(key)).findFirst().orElse(pinned.get(0));
        return new HostKeyScan(address, port, type, fingerprint, HostKeyStatus.CHANGED, HostKeys.fingerprint(shown.key()));
    }

    /** Host-key algorithms of the pinned keys, so that the server presents the pinned key type. */
    List<String> pinnedAlgorithms(String address, int port) {
        List<String> algorithms = new ArrayList<>();
        for (Entry entry : entries(address, port)) {
            for (String a : HostKeys.algorithms(entry.type())) {
                if (!algorithms.contains(a)) {
                    algorithms.add(a);
                }
            }
        }
        return algorithms;
    }

    private PublicKey presentedKey(String address, int port, Duration timeout) {
        KeyRecordingVerifier verifier = new KeyRecordingVerifier(pinnedAlgorithms(address, port));
        SSHClient client = Connector.newClient(verifier, timeout, SshjLogging.silent());
        try {
            client.connect(address, port);
        } catch (IOException e) {
            if (verifier.presented() == null) {
                throw Connector.connectFailure(address, port, timeout, e);
            }
        } finally {
            Connector.closeQuietly(client);
        }
        if (verifier.presented() == null) {
            throw new StageboardException(address + ":" + port + " did not present an SSH host key: check that an SSH server listens there.");
        }
        return verifier.presented();
    }

    private void pin(String address, int port, PublicKey key) {
        String host = HostKeys.hostField(address, port);
        synchronized (WRITE_LOCK) {
            try {
                List<String> kept = new ArrayList<>();
                for (String line : readLines()) {
                    Entry entry = parse(line);
                    if (entry == null || !entry.appliesTo(host)) {
                        kept.add(line);
                    }
                }
                kept.add(HostKeys.knownHostsLine(address, port, key));
                Path dir = file.toAbsolutePath().getParent();
                Files.createDirectories(dir);
                Path temp = Files.createTempFile(dir, ".known_hosts", ".tmp");
                Files.write(temp, kept, StandardCharsets.UTF_8);
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new StageboardException("Cannot write " + file + ": " + e.getMessage() + ". Check that the folder is writable.", e);
            }
        }
    }

    private List<Entry> entries(String address, int port) {
        String host = HostKeys.hostField(address, port);
        List<Entry> result = new ArrayList<>();
        for (String line : readLines()) {
            Entry entry = parse(line);
            if (entry != null && entry.appliesTo(host)) {
                result.add(entry);
            }
        }
        return result;
    }

    private List<String> readLines() {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new StageboardException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** One usable line, or null for comments, markers (@revoked, @cert-authority) and lines that do not parse. */
    private static Entry parse(String line) {
        String trimmed = line.strip();
        if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith("@")) {
            return null;
        }
        String[] parts = trimmed.split("\\s+");
        if (parts.length < 3) {
            return null;
        }
        try {
            PublicKey key = new Buffer.PlainBuffer(Base64.getDecoder().decode(parts[2])).readPublicKey();
            return new Entry(parts[0], KeyType.fromKey(key), key);
        } catch (IllegalArgumentException | Buffer.BufferException e) {
            return null;
        }
    }

    private record Entry(String hosts, KeyType type, PublicKey key) {
        boolean appliesTo(String host) {
            try {
                return KnownHostMatchers.createMatcher(hosts).match(host);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
