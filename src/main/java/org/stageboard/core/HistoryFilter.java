package org.stageboard.core;

import java.time.Instant;
import java.util.Locale;

/**
 * What the history shows: every field is optional (null or blank = no filter). {@code environment}
 * and {@code host} are names (a host filter leaves out builds and releases, which are on no host;
 * an environment filter leaves out builds); {@code status} is a run or build status name or a
 * ledger outcome ({@code LIVE}, {@code FAILED}, {@code SUCCEEDED}, {@code CREATED} for releases);
 * {@code author} is who did it (compared ignoring case); {@code since} inclusive, {@code until}
 * exclusive; {@code search} matches a commit SHA prefix, words of the commit message, or a release
 * name ({@code production v7}); {@code kind} keeps one kind of row only.
 */
public record HistoryFilter(String environment, String host, String status, String author, Instant since, Instant until,
                            String search, HistoryKind kind) {

    /** Everything, newest first. */
    public static final HistoryFilter ALL = new HistoryFilter(null, null, null, null, null, null, null, null);

    public HistoryFilter {
        environment = blankToNull(environment);
        host = blankToNull(host);
        status = blankToNull(status) == null ? null : status.strip().toUpperCase(Locale.ROOT).replace(' ', '_');
        author = blankToNull(author);
        search = blankToNull(search);
        if (since != null && until != null && !until.isAfter(since)) {
            throw new StageboardException("The history's date range is empty: 'until' (" + until + ") must be after 'since' (" + since + ").");
        }
    }

    public HistoryFilter withEnvironment(String value) {
        return new HistoryFilter(value, host, status, author, since, until, search, kind);
    }

    public HistoryFilter withHost(String value) {
        return new HistoryFilter(environment, value, status, author, since, until, search, kind);
    }

    public HistoryFilter withStatus(String value) {
        return new HistoryFilter(environment, host, value, author, since, until, search, kind);
    }

    public HistoryFilter withAuthor(String value) {
        return new HistoryFilter(environment, host, status, value, since, until, search, kind);
    }

    public HistoryFilter withRange(Instant from, Instant to) {
        return new HistoryFilter(environment, host, status, author, from, to, search, kind);
    }

    public HistoryFilter withSearch(String value) {
        return new HistoryFilter(environment, host, status, author, since, until, value, kind);
    }

    public HistoryFilter withKind(HistoryKind value) {
        return new HistoryFilter(environment, host, status, author, since, until, search, value);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
