package org.stageboard.run;

import org.stageboard.core.LockInfo;
import static org.stageboard.run.RemoteLayout.q;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.stageboard.core.Progress;
import org.stageboard.core.ProcessIdentity;
import org.stageboard.core.StageboardException;
import org.stageboard.core.Words;

/**
 * The per-environment lock on a host: a folder made with {@code mkdir}, which only one caller can
 * create, holding {@code info.json} (holder process, actor, release, since) and a {@code heartbeat}
 * file touched every {@link #HEARTBEAT} while the run lives, so that a lock left by a killed run
 * shows as stale. It is removed only by its holder, or broken by an explicit user action.
 */
final class RemoteLock {

    static final Duration HEARTBEAT = Duration.ofSeconds(10);
    private static final Duration WAIT_PAUSE = Duration.ofSeconds(2);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RemoteShell shell;
    private final RemoteLayout layout;
    private final String holder;
    private final ScheduledExecutorService heartbeat;

    private RemoteLock(RemoteShell shell, RemoteLayout layout, String holder) {
        this.shell = shell;
        this.layout = layout;
        this.holder = holder;
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "stageboard-lock-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Takes the lock, waiting up to {@code wait} (zero: not at all) while someone else holds it.
     * Throws {@link LockHeldException} naming the holder when it stays held.
     */
    static RemoteLock acquire(RemoteShell shell, RemoteLayout layout, String actor, String label, Duration wait, Progress progress) {
        String holder = ProcessIdentity.current().format();
        ObjectNode info = JSON.createObjectNode().put("holder", holder).put("actor", actor).put("release", label)
                .put("since", Instant.now().toString());
        long deadline = System.nanoTime() + (wait == null ? 0 : wait.toNanos());
        boolean told = false;
        int vanished = 0;
        while (true) {
            String out = shell.check("Taking the lock", acquireScript(layout, info.toString()));
            if (out.strip().equals("acquired")) {
                RemoteLock lock = new RemoteLock(shell.uncancellable(), layout, holder);
                lock.startHeartbeat();
                return lock;
            }
            LockInfo held = read(shell, layout);
            String where = layout.envDir() + " on " + shell.host();
            if (held == null) {
                if (++vanished > 5) {
                    throw new StageboardException("The lock on " + where + " keeps appearing and vanishing: another run is "
                            + "deploying there right now. Try again in a moment.");
                }
                continue; // released between the two commands: try again at once
            }
            if (System.nanoTime() - deadline >= 0 || held.stale()) {
                throw new LockHeldException(where + " is locked by " + held.describe() + "." + (held.stale()
                        ? " Check nobody deploys there, then break the lock explicitly."
                        : " Wait until that run ends (or let this one wait for it)."), held);
            }
            if (!told) {
                // a step, not a detail: without it the run seems stuck on "lock" for as long as the other run takes
                progress.step("wait for the lock on " + where + ", held by " + held.describe() + " (up to "
                        + Words.duration(wait) + ")");
                told = true;
            }
            progress.checkCancelled();
            sleep(WAIT_PAUSE);
        }
    }

    static String acquireScript(RemoteLayout layout, String infoJson) {
        return "mkdir -p " + q(layout.meta()) + " || exit 1\n"
                + "if err=$(mkdir " + q(layout.lock()) + " 2>&1); then "
                + "printf '%s\\n' " + q(infoJson) + " > " + q(layout.lockInfo()) + " && touch " + q(layout.lockHeartbeat())
                + " && echo acquired; elif [ -d " + q(layout.lock()) + " ]; then echo held; else printf '%s\\n' \"$err\" >&2; exit 1; fi";
    }

    /** Who holds the lock now, or null when nobody does. */
    static LockInfo read(RemoteShell shell, RemoteLayout layout) {
        return parse(shell.check("Reading the lock", readScript(layout)));
    }

    /** Prints nothing when unlocked; else the heartbeat's age in seconds on one line, then the info. */
    static String readScript(RemoteLayout layout) {
        return "if [ -d " + q(layout.lock()) + " ]; then "
                + "now=$(date +%s); hb=$(stat -c %Y " + q(layout.lockHeartbeat()) + " 2>/dev/null || stat -c %Y " + q(layout.lock())
                + " 2>/dev/null || echo \"$now\"); echo $((now - hb)); "
                + "cat " + q(layout.lockInfo()) + " 2>/dev/null || cat " + q(layout.lock() + "/info") + " 2>/dev/null; fi; true";
    }

    static LockInfo parse(String out) {
        String text = out.strip();
        if (text.isEmpty()) {
            return null;
        }
        String[] parts = text.split("\n", 2);
        long age;
        try {
            age = Long.parseLong(parts[0].strip());
        } catch (NumberFormatException e) {
            age = -1;
        }
        String info = parts.length > 1 ? parts[1].strip() : "";
        try {
            JsonNode node = JSON.readTree(info);
            if (node != null && node.isObject()) {
                String since = node.path("since").asText(null);
                return new LockInfo(node.path("holder").asText(null), node.path("actor").asText(null),
                        node.path("release").asText(null), since == null ? null : Instant.parse(since), age);
            }
        } catch (java.io.IOException | RuntimeException e) {
            // An older or hand-made lock: its text is all there is.
        }
        return new LockInfo(info.isEmpty() ? null : info, null, null, null, age);
    }

    /**
     * Breaks the lock, the explicit user action: removes it only if it is still held by
     * {@code expectedHolder} (what the user saw), so a lock taken since by someone else is left.
     */
    static boolean breakLock(RemoteShell shell, RemoteLayout layout, String expectedHolder) {
        String script = "if [ ! -d " + q(layout.lock()) + " ]; then echo gone; "
                + "elif grep -qF -- " + q(expectedHolder == null ? "" : expectedHolder) + " " + q(layout.lockInfo()) + " " + q(layout.lock() + "/info")
                + " 2>/dev/null; then rm -rf " + q(layout.lock()) + " && echo broken; else echo changed; fi";
        String out = shell.check("Breaking the lock", script).strip();
        if (out.equals("changed")) {
            throw new StageboardException("The lock on " + layout.envDir() + " is now held by someone else than " + expectedHolder
                    + ": it was not broken. Look at it again.");
        }
        return out.equals("broken");
    }

    private void startHeartbeat() {
        long seconds = HEARTBEAT.toSeconds();
        heartbeat.scheduleWithFixedDelay(() -> {
            try {
                // Only while the lock is still this run's: a lock broken and taken by another run is not kept alive by this one.
                shell.run("grep -qF -- " + q(holder) + " " + q(layout.lockInfo()) + " && touch " + q(layout.lockHeartbeat()),
                        RemoteShell.SHORT);
            } catch (RuntimeException e) {
                // The run notices a lost connection itself; a missed beat only ages the lock.
            }
        }, seconds, seconds, TimeUnit.SECONDS);
    }

    /** Stops the heartbeat and removes the lock, through {@code shell} (the run may have reconnected), if it is still this run's. */
    void release(RemoteShell shell) {
        heartbeat.shutdownNow();
        shell.check("Releasing the lock", "if grep -qF -- " + q(holder) + " " + q(layout.lockInfo()) + " 2>/dev/null; then rm -rf "
                + q(layout.lock()) + "; fi; true");
    }

    /** Stops the heartbeat without touching the host (the connection is gone). */
    void abandon() {
        heartbeat.shutdownNow();
    }

    /** The holder string written into the lock. */
    String holder() {
        return holder;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new org.stageboard.core.CancelledException();
        }
    }
}
