package org.stageboard.ssh;

/**
 * POSIX shell quoting. Every dynamic value that goes into a remote command passes through
 * {@link #quote(String)}, so that the remote shell sees it as one word, taken literally.
 */
public final class ShellQuote {

    private ShellQuote() {
    }

    /**
     * Wraps {@code s} in single quotes; each single quote inside becomes {@code '\''}. Nothing is
     * special inside single quotes, so {@code $}, backquotes, spaces and newlines stay literal.
     */
    public static String quote(String s) {
        if (s == null) {
            throw new IllegalArgumentException("Cannot quote null for the shell.");
        }
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
