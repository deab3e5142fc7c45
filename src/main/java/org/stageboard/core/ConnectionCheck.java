package org.stageboard.core;

/**
 * One finding of a connection test of a host: what was checked ({@code host key}, {@code login},
 * {@code base folder}, {@code free space}, {@code port forwarding}), how it came out, and what
 * was seen or what to do.
 */
public record ConnectionCheck(String what, Outcome outcome, String detail) {

    /** {@code OK}: fine; {@code WARNING}: works with a limit the user should know; {@code FAILED}: deploys will not work. */
    public enum Outcome { OK, WARNING, FAILED, SKIPPED }

    public boolean ok() {
        return outcome == Outcome.OK || outcome == Outcome.WARNING;
    }

    @Override
    public String toString() {
        return what + ": " + outcome + " - " + detail;
    }
}
