package org.stageboard.run;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.stageboard.core.Progress;
import org.stageboard.core.RunSettings;
import org.stageboard.ssh.PortForward;

/**
 * Asks the app's health URL, as seen from the host, through an SSH port forward until it answers
 * 2xx or the health timeout passes; gives up early when the app process has exited.
 */
final class HealthCheck {

    record Outcome(boolean healthy, String detail) {
    }

    private static final Duration PAUSE = Duration.ofMillis(500);
    private static final Duration LIVENESS_INTERVAL = Duration.ofSeconds(2);

    private HealthCheck() {
    }

    static Outcome await(RemoteShell shell, RunSettings run, int pid, Progress progress) {
        URI uri = run.healthUri();
        String path = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        long deadline = System.nanoTime() + Duration.ofSeconds(run.healthTimeoutSeconds()).toNanos();
        try (PortForward forward = shell.ssh().forward(uri.getHost(), uri.getPort())) {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(3)).build();
            URI local = URI.create("http://127.0.0.1:" + forward.localPort() + path);
            String last = "no answer yet";
            long nextReport = System.nanoTime();
            long nextLivenessCheck = System.nanoTime();
            while (true) {
                try {
                    HttpResponse<Void> response = http.send(HttpRequest.newBuilder(local).timeout(Duration.ofSeconds(5)).GET().build(),
                            HttpResponse.BodyHandlers.discarding());
                    if (response.statusCode() / 100 == 2) {
                        progress.log(run.healthUrl() + " answered HTTP " + response.statusCode());
                        return new Outcome(true, "HTTP " + response.statusCode());
                    }
                    last = "HTTP " + response.statusCode();
                } catch (IOException e) {
                    last = "no answer";
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return new Outcome(false, "interrupted while waiting for " + run.healthUrl());
                }
                // Every check costs a remote command; every 2 s is soon enough to notice a crash.
                if (System.nanoTime() - nextLivenessCheck >= 0) {
                    nextLivenessCheck = System.nanoTime() + LIVENESS_INTERVAL.toNanos();
                    if (!AppProcess.isRunning(shell, pid)) {
                        return new Outcome(false, "the app process (pid " + pid + ") exited before " + run.healthUrl()
                                + " answered 2xx (last: " + last + ")");
                    }
                }
                if (System.nanoTime() - deadline >= 0) {
                    return new Outcome(false, run.healthUrl() + " did not answer 2xx within " + run.healthTimeoutSeconds()
                            + " s (last: " + last + ")");
                }
                if (System.nanoTime() - nextReport >= 0) {
                    progress.log("waiting for " + run.healthUrl() + ": " + last);
                    nextReport = System.nanoTime() + Duration.ofSeconds(5).toNanos();
                }
                try {
                    Thread.sleep(PAUSE.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return new Outcome(false, "interrupted while waiting for " + run.healthUrl());
                }
            }
        }
    }
}
