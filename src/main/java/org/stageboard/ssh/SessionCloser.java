package org.stageboard.ssh;

import java.io.IOException;
import net.schmizz.sshj.connection.channel.direct.Session;

/**
 * Closes an SSH session channel on a daemon thread of its own, after an optional last word to
 * its command (a signal, end-of-file): on a dead link closing can block, and the caller has
 * already decided the command's fate. Shared by {@link CommandRun} and {@link HeldCommand}.
 */
final class SessionCloser {

    private SessionCloser() {
    }

    /** A last word to the command that may fail when the link is gone. */
    interface LastWord {
        void say() throws IOException;
    }

    static void inBackground(Session session, LastWord first, String threadName) {
        if (session == null) {
            return;
        }
        Thread closer = new Thread(() -> {
            if (first != null) {
                try {
                    first.say();
                } catch (IOException | RuntimeException ignored) {
                    // Not supported, or the link is gone: closing the channel is what is left.
                }
            }
            closeQuietly(session);
        }, threadName);
        closer.setDaemon(true);
        closer.start();
    }

    static void closeQuietly(Session session) {
        try {
            session.close();
        } catch (IOException | RuntimeException ignored) {
            // Already closed, or the link is gone.
        }
    }
}
