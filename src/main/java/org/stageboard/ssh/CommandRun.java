package org.stageboard.ssh;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.connection.ConnectionException;
import net.schmizz.sshj.connection.channel.direct.Session;
import net.schmizz.sshj.connection.channel.direct.Signal;
import org.stageboard.core.CancelledException;
import org.stageboard.core.Progress;
import org.stageboard.core.StageboardException;

/**
 * One remote command: started on its own channel, waited for in short steps so that a cancel or
 * the timeout is noticed within {@link #POLL}, and abandoned (TERM signal, channel closed) when
 * either comes first.
 */
final class CommandRun {

    static final Duration POLL = Duration.ofMillis(200);
    private static final long STREAM_WAIT_SECONDS = 10;

    private CommandRun() {
    }

    static ExecResult run(SSHClient client, LinkMonitor monitor, SshTarget target, String command, Duration timeout,
                          Progress progress) {
        Progress p = progress == null ? Progress.NONE : progress;
        p.checkCancelled();
        Session session = null;
        try (LinkMonitor.Busy busy = monitor.busy()) {
            session = client.startSession();
            Session.Command cmd = session.exec(command);
            cmd.getOutputStream().close();
            CompletableFuture<String> out = readAsync(cmd.getInputStream());
            CompletableFuture<String> err = readAsync(cmd.getErrorStream());
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!closedWithin(cmd, POLL)) {
                if (p.isCancelled()) {
                    abandon(session, cmd);
                    throw new CancelledException();
                }
                if (System.nanoTime() - deadline >= 0) {
                    abandon(session, cmd);
                    throw new StageboardException("A command on " + target.display() + " did not finish within "
                            + timeout.toSeconds() + " s; it was stopped. The host may be overloaded, or the command "
                            + "waits for something that does not come.");
                }
            }
            Integer status = cmd.getExitStatus();
            ExecResult result = new ExecResult(status == null ? -1 : status,
                    out.get(STREAM_WAIT_SECONDS, TimeUnit.SECONDS), err.get(STREAM_WAIT_SECONDS, TimeUnit.SECONDS));
            SessionCloser.closeQuietly(session);
            return result;
        } catch (StageboardException e) {
            throw e;
        } catch (InterruptedException | IOException | ExecutionException | TimeoutException | RuntimeException e) {
            throw failed(client, monitor, target, session, e);
        }
    }

    /** A command that broke off: the session abandoned, and the failure in the user's terms (link lost, interrupted, or why). */
    private static StageboardException failed(SSHClient client, LinkMonitor monitor, SshTarget target, Session session, Exception e) {
        abandon(session, null);
        if (Failures.connectionLost(client, monitor, e)) {
            return Failures.lost(target, monitor, "a command", "The command may or may not have finished there; "
                    + "check the host's state before trying again once it is reachable.", e);
        }
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
            return new StageboardException("Interrupted while running a command on " + target.display() + ".", e);
        }
        return new StageboardException("Running a command on " + target.display() + " failed: " + e.getMessage(), e);
    }

    /** One line of a streamed command: from stderr or stdout. */
    record Line(boolean stderr, String text) {
    }

    /**
     * Runs a command and hands its output to {@code lines} line by line as it arrives, on the
     * calling thread (stdout and stderr interleaved as they come); returns the exit status (-1
     * when the host gave none). Cancel and timeout are noticed within {@link #POLL}, as in
     * {@link #run}. A last line without a newline is delivered when the stream ends.
     */
    static int stream(SSHClient client, LinkMonitor monitor, SshTarget target, String command, Duration timeout,
                      Progress progress, java.util.function.Consumer<Line> lines) {
        Progress p = progress == null ? Progress.NONE : progress;
        p.checkCancelled();
        Session session = null;
        try (LinkMonitor.Busy busy = monitor.busy()) {
            session = client.startSession();
            Session.Command cmd = session.exec(command);
            cmd.getOutputStream().close();
            java.util.concurrent.BlockingQueue<Object> queue = new java.util.concurrent.LinkedBlockingQueue<>();
            Object done = new Object();
            readLinesAsync(cmd.getInputStream(), false, queue, done);
            readLinesAsync(cmd.getErrorStream(), true, queue, done);
            long deadline = System.nanoTime() + timeout.toNanos();
            int ended = 0;
            long drainUntil = 0;
            boolean closed = false;
            while (ended < 2) {
                Object item = queue.poll(POLL.toMillis(), TimeUnit.MILLISECONDS);
                if (item == done) {
                    ended++;
                } else if (item instanceof Line line) {
                    lines.accept(line);
                } else if (item instanceof IOException e) {
                    throw e;
                }
                if (p.isCancelled()) {
                    abandon(session, cmd);
                    throw new CancelledException();
                }
                if (System.nanoTime() - deadline >= 0) {
                    abandon(session, cmd);
                    throw new StageboardException("A command on " + target.display() + " did not finish within "
                            + timeout.toSeconds() + " s; it was stopped. The host may be overloaded, or the command "
                            + "waits for something that does not come.");
                }
                if (!closed && item == null && closedWithin(cmd, Duration.ZERO.plusMillis(1))) {
                    closed = true;
                    drainUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(STREAM_WAIT_SECONDS);
                }
                if (closed && System.nanoTime() - drainUntil >= 0) {
                    break; // the channel is closed; output that has not arrived by now will not
                }
            }
            if (!closed) {
                cmd.join(STREAM_WAIT_SECONDS, TimeUnit.SECONDS);
            }
            Integer status = cmd.getExitStatus();
            SessionCloser.closeQuietly(session);
            return status == null ? -1 : status;
        } catch (StageboardException e) {
            throw e;
        } catch (InterruptedException | IOException | RuntimeException e) {
            throw failed(client, monitor, target, session, e);
        }
    }

    /** Reads UTF-8 lines into {@code queue} as they come, then {@code done} (or the IOException, then done). */
    private static void readLinesAsync(InputStream in, boolean stderr, java.util.concurrent.BlockingQueue<Object> queue, Object done) {
        Thread reader = new Thread(() -> {
            try (java.io.BufferedReader text = new java.io.BufferedReader(new java.io.InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line; (line = text.readLine()) != null; ) {
                    queue.add(new Line(stderr, line));
                }
            } catch (IOException e) {
                queue.add(e);
            } finally {
                queue.add(done);
            }
        }, "ssh-stream-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** Waits up to {@code step} for the channel to close; false when it is still open. */
    private static boolean closedWithin(Session.Command cmd, Duration step) throws ConnectionException, InterruptedException {
        try {
            cmd.join(step.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (ConnectionException e) {
            if (e.getCause() instanceof TimeoutException) {
                return false;
            }
            if (e.getCause() instanceof InterruptedException || Thread.currentThread().isInterrupted()) {
                throw new InterruptedException("interrupted while waiting for a remote command");
            }
            throw e;
        }
    }

    /**
     * Stops waiting for a command: asks the host to TERM it and closes its channel, on another
     * thread, because closing waits for the host's answer and the link may be dead. OpenSSH
     * delivers the signal to the command's process group, except in sessions of root ("session
     * signalling requires privilege separation"); where it is not delivered, the command runs on
     * until it ends by itself.
     */
    private static void abandon(Session session, Session.Command cmd) {
        SessionCloser.inBackground(session, cmd == null ? null : () -> cmd.signal(Signal.TERM), "ssh-exec-abandon");
    }

    private static CompletableFuture<String> readAsync(InputStream in) {
        CompletableFuture<String> result = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (in) {
                ByteArrayOutputStream buffer = new ByteArrayOutputStream();
                in.transferTo(buffer);
                result.complete(buffer.toString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                result.completeExceptionally(e);
            }
        }, "ssh-exec-reader");
        reader.setDaemon(true);
        reader.start();
        return result;
    }
}
