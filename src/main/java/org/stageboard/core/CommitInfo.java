package org.stageboard.core;

import java.time.Instant;

/** One commit: full SHA-1, author, time and message. */
public record CommitInfo(String sha, String author, String email, Instant time, String message) {

    public String shortSha() {
        return sha.substring(0, Math.min(7, sha.length()));
    }

    /** The first line of the message. */
    public String subject() {
        int newline = message.indexOf('\n');
        return (newline < 0 ? message : message.substring(0, newline)).strip();
    }
}
