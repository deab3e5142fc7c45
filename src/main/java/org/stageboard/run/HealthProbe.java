package org.stageboard.run;

import static org.stageboard.run.RemoteLayout.q;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.stageboard.core.CancelledException;
import org.stageboard.core.HealthKind;
import org.stageboard.core.RunSettings;
import org.stageboard.ssh.ExecResult;
import org.stageboard.ssh.PortForward;

/** One way of asking a release's health (HTTP, TCP or command), asked as often as needed. */
final class HealthProbe implements AutoCloseable {

    /** One answer: healthy or not, a one-line summary, and the evidence (status and first lines of the answer). */
    record Answer(boolean healthy, boolean answered, boolean refusedBySsh, String summary, String evidence) {
        static Answer none() {
            return new Answer(false, false, false, "no answer yet", null);
        }
    }

    static final String FORWARDING_REFUSED = "the SSH server refuses port forwarding, so the health check cannot reach the app: "
            + "set 'AllowTcpForwarding local' (or yes) for this user in the host's sshd_config, or use a command health check "
            + "(e.g. 'command:curl -fsS http://127.0.0.1:8080/health')";
    private static final int EVIDENCE_LINES = 5;

    private final RemoteShell shell;
    private final RemoteLayout layout;
    private final RunSettings run;
    private final PortForward forward;
    private final HttpClient http;
    private final int port;

    private HealthProbe(RemoteShell shell, RemoteLayout layout, RunSettings run, PortForward forward, int port) {
        this.shell = shell;
        this.layout = layout;
        this.run = run;
        this.forward = forward;
        this.port = port;
        this.http = forward == null ? null : HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(3)).build();
    }

    static HealthProbe open(RemoteShell shell, RemoteLayout layout, RunSettings run) {
        return open(shell, layout, run, null);
    }

    /**
     * A probe of the same URL or TCP target with its port replaced by {@code port} (an instance's
     * own {@code PORT}); null keeps the configured one.
     */
    static HealthProbe open(RemoteShell shell, RemoteLayout layout, RunSettings run, Integer port) {
        HealthKind kind = run.healthKind();
        PortForward forward = kind == HealthKind.COMMAND ? null : shell.ssh().forward(run.healthUri().getHost(),
                port != null ? port : run.healthUri().getPort() > 0 ? run.healthUri().getPort() : run.healthPort());
        return new HealthProbe(shell, layout, run, forward, port == null ? -1 : port);
    }

    /** What is asked, for messages: the URL, {@code tcp://…} or the command (with an instance's port when it has one). */
    String what() {
        if (port < 0) {
            return run.healthUrl();
        }
        URI uri = run.healthUri();
        try {
            return new URI(uri.getScheme(), uri.getUserInfo(), uri.getHost(), port, uri.getPath(), uri.getQuery(), uri.getFragment())
                    .toString();
        } catch (java.net.URISyntaxException e) {
            return run.healthUrl() + " (port " + port + ")";
        }
    }

    Answer ask() {
        return switch (run.healthKind()) {
            case HTTP -> askHttp();
            case TCP -> askTcp();
            case COMMAND -> askCommand();
        };
    }

    /** For HTTP and TCP: whether anything answers there at all (any HTTP status counts). */
    Answer occupied() {
        Answer answer = ask();
        return answer.answered() || answer.healthy() ? answer : Answer.none();
    }

    private Answer askHttp() {
        URI uri = run.healthUri();
        String path = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        URI local = URI.create("http://127.0.0.1:" + forward.localPort() + path);
        try {
            HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(local).timeout(Duration.ofSeconds(5)).GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            String body;
            try (InputStream in = response.body()) {
                body = new String(in.readNBytes(4096), StandardCharsets.UTF_8);
            }
            String summary = "HTTP " + response.statusCode();
            String evidence = summary + firstLines(body);
            return new Answer(response.statusCode() / 100 == 2, true, false, summary, evidence);
        } catch (IOException e) {
            return refusedOr("no answer");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException();
        }
    }

    private Answer askTcp() {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), forward.localPort())) {
            socket.setSoTimeout(700);
            try {
                // The forward closes a local connection at once when the host's side was refused.
                int first = socket.getInputStream().read();
                if (first < 0) {
                    return refusedOr("connection refused");
                }
            } catch (SocketTimeoutException quiet) {
                // Open and silent, as most servers are until spoken to.
            }
            return new Answer(true, true, false, "port " + (port < 0 ? run.healthUri().getPort() : port) + " accepts connections", null);
        } catch (IOException e) {
            return refusedOr("no answer");
        }
    }

    private Answer refusedOr(String summary) {
        if (forward.refusedByServer()) {
            return new Answer(false, false, true, FORWARDING_REFUSED, null);
        }
        return new Answer(false, false, false, summary, null);
    }

    private Answer askCommand() {
        String script = "cd " + q(layout.current()) + " && set -a && . ./.env && set +a && sh -c " + q(run.healthCommand()) + " 2>&1";
        ExecResult result = shell.run(script, Duration.ofSeconds(Math.max(10, Math.min(60, run.healthTimeoutSeconds()))));
        String summary = "exit " + result.exitCode();
        return new Answer(result.ok(), true, false, summary, summary + firstLines(result.stdout()));
    }

    private static String firstLines(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        String[] lines = text.strip().split("\r?\n");
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < Math.min(EVIDENCE_LINES, lines.length); i++) {
            String line = lines[i].length() > 200 ? lines[i].substring(0, 200) + "…" : lines[i];
            out.append("\n  ").append(line);
        }
        return out.toString();
    }

    @Override
    public void close() {
        if (forward != null) {
            forward.close();
        }
    }
}
