package org.stageboard.run;

import static org.stageboard.run.RemoteLayout.q;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.stageboard.core.StageboardException;

/**
 * The per-environment lock on a host: a folder made with {@code mkdir}, which only one caller can
 * create, holding an info file that says who holds it, since when, for which release.
 */
final class RemoteLock {

    private final RemoteShell shell;
    private final RemoteLayout layout;

    private RemoteLock(RemoteShell shell, RemoteLayout layout) {
        this.shell = shell;
        this.layout = layout;
    }

    static RemoteLock acquire(RemoteShell shell, RemoteLayout layout, String actor, String label) {
        String out = shell.check("Taking the lock",
                "mkdir -p " + q(layout.meta()) + " && if mkdir " + q(layout.lock()) + " 2>/dev/null; then echo acquired; "
                        + "else echo held; cat " + q(layout.lockInfo()) + " 2>/dev/null; fi");
        if (!out.startsWith("acquired")) {
            String holder = out.substring(Math.min(out.length(), 4)).strip();
            if (holder.isEmpty()) {
                holder = "someone (no details written yet)";
            }
            throw new StageboardException(layout.envDir() + " on " + shell.host() + " is locked by " + holder
                    + ". Wait until that run ends; if it crashed, remove " + layout.lock() + " on the host.");
        }
        RemoteLock lock = new RemoteLock(shell, layout);
        String info = actor + ", since " + Instant.now().truncatedTo(ChronoUnit.SECONDS) + ", activating " + label + "\n";
        try {
            shell.ssh().write(layout.lockInfo(), info.getBytes(StandardCharsets.UTF_8), 0644);
        } catch (RuntimeException e) {
            lock.release();
            throw e;
        }
        return lock;
    }

    void release() {
        shell.check("Releasing the lock", "rm -rf " + q(layout.lock()));
    }
}
