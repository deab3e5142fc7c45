package org.stageboard.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

/** Helpers for tests whose runs start real app processes on this machine (the "host"). */
public final class AppProcesses {
    private AppProcesses() {
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** GET a URL on this machine; the body, or "HTTP <code>" / "unreachable". */
    public static String get(String url) {
        try {
            HttpResponse<String> response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()
                    .send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? response.body() : "HTTP " + response.statusCode();
        } catch (IOException e) {
            return "unreachable";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /** Kills the process groups of every app pidfile under the base folder ({@code app.pid} and instances' {@code run/*.pid}). */
    public static void killAll(Path baseDir) {
        if (!Files.isDirectory(baseDir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(baseDir)) {
            files.filter(p -> p.getFileName().toString().equals("app.pid") || (p.getFileName().toString().endsWith(".pid")
                    && p.getParent() != null && p.getParent().getFileName().toString().equals("run"))).forEach(AppProcesses::kill);
        } catch (IOException e) {
            // best effort
        }
    }

    private static void kill(Path pidFile) {
        try {
            long pid = Long.parseLong(Files.readString(pidFile).strip());
            ProcessHandle.of(pid).ifPresent(p -> {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
            });
        } catch (IOException | NumberFormatException e) {
            // nothing to kill
        }
    }

    /** Alive and not a zombie (this machine's init does not reap orphans, so zombies linger). */
    public static boolean alive(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            char state = stat.charAt(stat.lastIndexOf(')') + 2);
            return state != 'Z' && state != 'X';
        } catch (IOException e) {
            return false;
        }
    }
}
