package org.stageboard.run;

import java.time.Duration;
import java.util.List;
import org.stageboard.core.Progress;
import org.stageboard.core.StageboardException;
import org.stageboard.core.Words;
import org.stageboard.ssh.HostKeyException;
import org.stageboard.ssh.SshSession;
import org.stageboard.ssh.SshTarget;

/**
 * The SSH connection of one run on one host, which can be opened again: when the link drops in
 * the middle of a switch, recovery reconnects (host key verified again) to put the host back
 * into a state that serves, instead of leaving it as the break found it.
 */
final class HostConnection implements AutoCloseable {

    private final SshTarget target;
    private final Progress cancel;
    private SshSession ssh;
    private RemoteShell shell;

    HostConnection(SshTarget target, Progress cancel) {
        this.target = target;
        this.cancel = cancel;
        this.ssh = SshSession.open(target);
        this.shell = new RemoteShell(ssh, cancel);
    }

    /** The shell of the current connection; its commands honour cancel. */
    synchronized RemoteShell shell() {
        return shell;
    }

    /**
     * A shell whose commands cannot be cancelled, reconnecting first when the link is gone: tried
     * again after short pauses ({@link #RECONNECT_PAUSES}) until {@link #RECONNECT_FOR} has passed
     * since the first try (an SSH server restarting, a network back after a moment), so that a run
     * whose host's guard is armed comes back before the guard acts ({@link HostGuard#TETHER_GRACE}).
     * Throws the last failure, its message naming how long and how often it tried.
     */
    synchronized RemoteShell recoveryShell() {
        if (!ssh.isConnected()) {
            ssh.close();
            ssh = reconnect();
            shell = new RemoteShell(ssh, cancel);
        }
        return shell.uncancellable();
    }

    /** How long recovery keeps trying to connect again: less than the guard's grace, so that it can still disarm it. */
    static final Duration RECONNECT_FOR = HostGuard.TETHER_GRACE.minus(HostGuard.WATCH_PAUSE);
    /** The pauses between two tries, the last one repeated. */
    static final List<Duration> RECONNECT_PAUSES = List.of(Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1));

    private SshSession reconnect() {
        long start = System.nanoTime();
        int tries = 0;
        while (true) {
            tries++;
            try {
                return SshSession.open(target);
            } catch (HostKeyException e) {
                throw e;
            } catch (RuntimeException e) {
                Duration pause = RECONNECT_PAUSES.get(Math.min(tries - 1, RECONNECT_PAUSES.size() - 1));
                Duration spent = Duration.ofNanos(System.nanoTime() - start);
                if (spent.plus(pause).compareTo(RECONNECT_FOR) > 0) {
                    throw new StageboardException(tries + (tries == 1 ? " try" : " tries") + " in " + Words.duration(spent) + ": "
                            + e.getMessage(), e);
                }
                try {
                    Thread.sleep(pause.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    synchronized boolean connected() {
        return ssh.isConnected();
    }

    String display() {
        return target.display();
    }

    @Override
    public synchronized void close() {
        ssh.close();
    }
}
