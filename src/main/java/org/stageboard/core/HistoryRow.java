package org.stageboard.core;

import java.time.Instant;

/**
 * One line of the history: a build, a release, a run, or a run of another catalog read from a
 * host's ledger. {@code at} is when it started (a release: when it was made); {@code environment}
 * and {@code host} are null where they do not apply (a build has neither, a release no host);
 * {@code action} is the run kind ({@code DEPLOY}, {@code ROLLBACK}, … or the ledger's kind),
 * {@code BUILD} or {@code RELEASE}; {@code commitSha} and {@code commitSubject} are null when not
 * known (a build made before the catalog kept commits, an imported run whose artifact this catalog
 * never built); {@code catalog} and {@code by} are set only on imported rows: which catalog made
 * the run and the process that ran it. Rows never carry config values.
 */
public record HistoryRow(HistoryKind kind, long id, Instant at, Instant finishedAt, String environment, String host, String status,
                         String actor, String commitSha, String commitSubject, String release, Integer buildNumber, String action,
                         String message, String catalog, String by) {

    /** True for a run made by another catalog (imported from a host's ledger). */
    public boolean fromOtherCatalog() {
        return kind == HistoryKind.IMPORTED;
    }

    /** The first seven characters of the commit, or empty. */
    public String shortSha() {
        return commitSha == null ? "" : commitSha.substring(0, Math.min(7, commitSha.length()));
    }

    /** What it was, in a few words: {@code build #12}, {@code release production v7}, {@code deploy production v7}. */
    public String subject() {
        return switch (kind) {
            case BUILD -> "build #" + buildNumber;
            case RELEASE -> "release " + release;
            case RUN, IMPORTED -> action.toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " " + (release == null ? "" : release);
        };
    }
}
