package org.stageboard.ssh;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.connection.channel.OpenFailException;
import net.schmizz.sshj.connection.channel.direct.DirectConnection;
import net.schmizz.sshj.connection.channel.direct.Session;
import net.schmizz.sshj.userauth.UserAuthException;
import net.schmizz.sshj.userauth.keyprovider.KeyProvider;
import org.stageboard.core.ConnectionCheck;
import org.stageboard.core.ConnectionCheck.Outcome;
import org.stageboard.core.StageboardException;

/**
 * Tests that a host is ready for deploys, before it is saved: its key is the trusted one, the key
 * file logs in, the base folder can be created and written, how much space is free there, and
 * whether the SSH server forwards ports (needed for HTTP health checks of apps that listen on the
 * host's loopback). Writes nothing on the host but a probe file it removes at once, and nothing here.
 */
public final class ConnectionProbe {

    /** Below this much free space in the base folder the test warns. */
    static final long LOW_SPACE_KB = 1024L * 1024L;

    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(20);

    private ConnectionProbe() {
    }

    /**
     * Runs the checks in order; a check that cannot run because an earlier one failed is
     * {@code SKIPPED}. Never throws for what it finds; the passphrase may be null.
     */
    public static List<ConnectionCheck> run(SshTarget target, char[] passphrase, String baseDir) {
        List<ConnectionCheck> checks = new ArrayList<>();
        KnownHosts knownHosts = new KnownHosts(target.knownHosts());
        HostKeyScan scan;
        try {
            scan = knownHosts.scan(target.address(), target.port(), target.connectTimeout());
        } catch (StageboardException e) {
            checks.add(new ConnectionCheck("host key", Outcome.FAILED, e.getMessage()));
            return skipRest(checks);
        }
        switch (scan.status()) {
            case TRUSTED -> checks.add(new ConnectionCheck("host key", Outcome.OK, scan.keyType() + " " + scan.fingerprint() + " (trusted)"));
            case UNKNOWN -> {
                checks.add(new ConnectionCheck("host key", Outcome.FAILED, "The host presents " + scan.keyType() + " "
                        + scan.fingerprint() + ", which is not trusted yet: compare it and click Trust this key first."));
                return skipRest(checks);
            }
            case CHANGED -> {
                checks.add(new ConnectionCheck("host key", Outcome.FAILED, "The host's key CHANGED: it presents "
                        + scan.fingerprint() + ", the trusted one is " + scan.pinnedFingerprint()
                        + ". Trust the new key only if the host's administrator confirms it."));
                return skipRest(checks);
            }
        }
        KeyProvider key;
        try {
            key = KeyFiles.load(target.privateKey(), passphrase);
        } catch (StageboardException e) {
            checks.add(new ConnectionCheck("login", Outcome.FAILED, e.getMessage()));
            return skipRest(checks);
        }
        PinnedKeyVerifier verifier = new PinnedKeyVerifier(knownHosts, target.address(), target.port());
        SSHClient client = Connector.newClient(verifier, target.connectTimeout(), SshjLogging.silent());
        try {
            try {
                client.connect(target.address(), target.port());
                client.authPublickey(target.user(), key);
            } catch (UserAuthException e) {
                checks.add(new ConnectionCheck("login", Outcome.FAILED, "The key " + target.privateKey() + " was refused by "
                        + target.display() + ": check the user name, and that its public key is in ~" + target.user()
                        + "/.ssh/authorized_keys on the host."));
                return skipRest(checks);
            } catch (IOException e) {
                String message = verifier.rejected() != null ? "The host's key changed while testing: test again."
                        : Connector.connectFailure(target.address(), target.port(), target.connectTimeout(), e).getMessage();
                checks.add(new ConnectionCheck("login", Outcome.FAILED, message));
                return skipRest(checks);
            }
            checks.add(new ConnectionCheck("login", Outcome.OK, "logged in as " + target.user() + " with " + target.privateKey().getFileName()));
            checks.add(baseFolder(client, baseDir));
            checks.add(freeSpace(client, baseDir, checks.get(checks.size() - 1).ok()));
            checks.add(forwarding(client, target));
            return checks;
        } finally {
            Connector.closeQuietly(client);
        }
    }

    private static ConnectionCheck baseFolder(SSHClient client, String baseDir) {
        String q = ShellQuote.quote(baseDir);
        String script = "mkdir -p -- " + q + " && f=$(mktemp " + ShellQuote.quote(baseDir + "/.stageboard-check.XXXXXX")
                + ") && echo probe > \"$f\" && rm -f -- \"$f\"";
        try {
            Result result = exec(client, script);
            if (result.exit == 0) {
                return new ConnectionCheck("base folder", Outcome.OK, baseDir + " can be created and written");
            }
            return new ConnectionCheck("base folder", Outcome.FAILED, "Cannot create or write " + baseDir + " ("
                    + lastLine(result.err) + "): choose a folder this user owns, e.g. under its home, or ask the administrator to create it for this user.");
        } catch (IOException e) {
            return new ConnectionCheck("base folder", Outcome.FAILED, "Could not check " + baseDir + ": " + e.getMessage());
        }
    }

    private static ConnectionCheck freeSpace(SSHClient client, String baseDir, boolean folderThere) {
        if (!folderThere) {
            return new ConnectionCheck("free space", Outcome.SKIPPED, "the base folder is not usable");
        }
        try {
            Result result = exec(client, DiskSpace.command(baseDir));
            OptionalLong kb = DiskSpace.availableKb(result.out);
            if (result.exit != 0 || kb.isEmpty()) {
                return new ConnectionCheck("free space", Outcome.WARNING, "Could not read the free space (df: " + lastLine(result.err) + ").");
            }
            String amount = megabytes(kb.getAsLong());
            if (kb.getAsLong() < LOW_SPACE_KB) {
                return new ConnectionCheck("free space", Outcome.WARNING, "only " + amount + " free in " + baseDir
                        + ": each release keeps its artifact there; free some space.");
            }
            return new ConnectionCheck("free space", Outcome.OK, amount + " free in " + baseDir);
        } catch (IOException e) {
            return new ConnectionCheck("free space", Outcome.WARNING, "Could not read the free space: " + e.getMessage());
        }
    }

    private static ConnectionCheck forwarding(SSHClient client, SshTarget target) {
        try (DirectConnection channel = client.newDirectConnection("127.0.0.1", target.port())) {
            return new ConnectionCheck("port forwarding", Outcome.OK, "allowed: HTTP health checks reach apps on the host's loopback");
        } catch (OpenFailException e) {
            if (e.getReason() == OpenFailException.Reason.ADMINISTRATIVELY_PROHIBITED) {
                return new ConnectionCheck("port forwarding", Outcome.WARNING, "refused. " + PortForward.REFUSED_ADVICE);
            }
            // The server forwards; only nothing listened at the probed port.
            return new ConnectionCheck("port forwarding", Outcome.OK, "allowed: HTTP health checks reach apps on the host's loopback");
        } catch (IOException e) {
            return new ConnectionCheck("port forwarding", Outcome.WARNING, "could not be checked: " + e.getMessage());
        }
    }

    private static List<ConnectionCheck> skipRest(List<ConnectionCheck> checks) {
        for (String what : List.of("host key", "login", "base folder", "free space", "port forwarding")) {
            if (checks.stream().noneMatch(c -> c.what().equals(what))) {
                checks.add(new ConnectionCheck(what, Outcome.SKIPPED, "not checked: an earlier check failed"));
            }
        }
        return checks;
    }

    private record Result(int exit, String out, String err) {
    }

    private static Result exec(SSHClient client, String command) throws IOException {
        try (Session session = client.startSession()) {
            Session.Command cmd = session.exec(command);
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            Thread errReader = new Thread(() -> copy(cmd.getErrorStream(), err), "probe-stderr");
            errReader.setDaemon(true);
            errReader.start();
            String out = new String(cmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            cmd.join(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            try {
                errReader.join(COMMAND_TIMEOUT.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Integer exit = cmd.getExitStatus();
            return new Result(exit == null ? -1 : exit, out, err.toString(StandardCharsets.UTF_8));
        }
    }

    private static void copy(InputStream in, ByteArrayOutputStream out) {
        try {
            in.transferTo(out);
        } catch (IOException ignored) {
            // What was read so far is the message.
        }
    }

    private static String lastLine(String text) {
        String line = text == null ? "" : text.strip().lines().filter(l -> !l.isBlank()).reduce((a, b) -> b).orElse("");
        return line.isEmpty() ? "no message" : line;
    }

    static String megabytes(long kb) {
        long mb = kb / 1024;
        return mb >= 10 * 1024 ? (mb / 1024) + " GB" : mb + " MB";
    }
}
