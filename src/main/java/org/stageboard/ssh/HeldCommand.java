package org.stageboard.ssh;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.connection.channel.direct.Session;
import org.stageboard.core.StageboardException;

/**
 * A remote command kept running on a channel of its own for as long as this side holds it, its
 * standard input left open: the command sees end-of-file on it when this side closes it, and
 * also when this side's process or connection is gone (sshd closes the channel, whatever killed
 * the process here). Its output is read until a ready line shows it started, then dropped.
 */
public final class HeldCommand implements AutoCloseable {

    private final Session session;
    private final Session.Command command;
    private volatile boolean closed;

    private HeldCommand(Session session, Session.Command command) {
        this.session = session;
        this.command = command;
    }

    /** Starts {@code command} and waits up to {@code timeout} for it to print {@code readyLine} on a line of its own. */
    static HeldCommand start(SSHClient client, SshTarget target, String command, String readyLine, Duration timeout) {
        Session session = null;
        try {
            session = client.startSession();
            Session.Command cmd = session.exec(command);
            HeldCommand held = new HeldCommand(session, cmd);
            CompletableFuture<Boolean> ready = new CompletableFuture<>();
            Thread reader = new Thread(() -> {
                try (BufferedReader out = new BufferedReader(new InputStreamReader(cmd.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = out.readLine()) != null; ) {
                        if (line.strip().equals(readyLine)) {
                            ready.complete(true);
                        }
                    }
                } catch (IOException | RuntimeException ignored) {
                    // The channel or the connection is gone: the command has ended for this side.
                } finally {
                    ready.complete(false);
                }
            }, "ssh-held-command");
            reader.setDaemon(true);
            reader.start();
            if (!ready.get(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                held.close();
                throw new StageboardException("A command held open on " + target.display() + " ended before it said it was ready"
                        + (cmd.getExitStatus() == null ? "." : " (exit " + cmd.getExitStatus() + ")."));
            }
            return held;
        } catch (TimeoutException e) {
            closeLater(session);
            throw new StageboardException("A command held open on " + target.display() + " did not say it was ready within "
                    + timeout.toSeconds() + " s; it was closed.", e);
        } catch (InterruptedException e) {
            closeLater(session);
            Thread.currentThread().interrupt();
            throw new StageboardException("Interrupted while starting a command held open on " + target.display() + ".", e);
        } catch (IOException | ExecutionException | RuntimeException e) {
            if (e instanceof StageboardException stageboard) {
                throw stageboard;
            }
            closeLater(session);
            throw new StageboardException("A command held open on " + target.display() + " could not be started: " + e.getMessage(), e);
        }
    }

    /**
     * Ends it: end-of-file on its input, its channel closed. Does not wait for the host (the link
     * may be dead): the closing goes on on another thread.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        SessionCloser.inBackground(session, () -> command.getOutputStream().close(), "ssh-held-command-close");
    }

    private static void closeLater(Session session) {
        SessionCloser.inBackground(session, null, "ssh-held-command-close");
    }
}
