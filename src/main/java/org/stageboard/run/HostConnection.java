package org.stageboard.run;

import org.stageboard.core.Progress;
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

    /** A shell whose commands cannot be cancelled, reconnecting first when the link is gone. */
    synchronized RemoteShell recoveryShell() {
        if (!ssh.isConnected()) {
            ssh.close();
            ssh = SshSession.open(target);
            shell = new RemoteShell(ssh, cancel);
        }
        return shell.uncancellable();
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
