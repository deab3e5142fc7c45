package org.stageboard.run;

import org.stageboard.core.LedgerEntry;
import static org.stageboard.run.RemoteLayout.q;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.stageboard.core.ProcessIdentity;

/**
 * Appends one JSON line per activation attempt, operation (kinds {@code stop}, {@code start},
 * {@code restart}, {@code release-command}) or broken lock to {@code .stageboard/ledger.jsonl} on
 * the host, and reads it back. Activation, operation and release-command lines name the commit of
 * the release they acted on (fields {@code commit} and {@code commitSubject}, from its
 * {@code release.json}); lines written before that, without them, read as ever.
 */
final class Ledger {

    static final int TAIL = 200;

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private Ledger() {
    }

    /**
     * The line of an activation (deploy, rollback) or release command of {@code release}, naming the
     * commit it was built from as its {@code release.json} does ({@code commit}, {@code commitSubject}),
     * so that other catalogs importing the ledger know the commit without having the artifact.
     */
    static LedgerEntry entry(RemoteRelease release, String kind, String previous, String outcome, String message) {
        Commit commit = commit(release.releaseJson());
        return new LedgerEntry(Instant.now(), release.actor(), ProcessIdentity.current().format(), release.identity().catalog(),
                kind, release.releaseName(), release.label(), release.artifactSha256(), previous, outcome, message, commit.sha(),
                commit.subject());
    }

    /** A commit as a release's descriptive JSON names it; both null when it names none. */
    record Commit(String sha, String subject) {
    }

    /** The {@code commit} and {@code commitSubject} of a release's descriptive JSON (either may be missing). */
    static Commit commit(String releaseJson) {
        if (releaseJson == null || releaseJson.isBlank()) {
            return new Commit(null, null);
        }
        try {
            com.fasterxml.jackson.databind.JsonNode node = JSON.readTree(releaseJson);
            return new Commit(text(node, "commit", 40), text(node, "commitSubject", 200));
        } catch (JsonProcessingException | RuntimeException e) {
            return new Commit(null, null);
        }
    }

    private static String text(com.fasterxml.jackson.databind.JsonNode node, String field, int max) {
        com.fasterxml.jackson.databind.JsonNode value = node == null ? null : node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            return null;
        }
        String text = value.asText().strip();
        return text.length() <= max ? text : text.substring(0, max);
    }

    /**
     * A line about a release already on the host (stop, start, restart), with its identity when
     * known and the commit its {@code release.json} names (as read from the folder; null or a
     * {@code release.json} without a commit gives a line without one).
     */
    static LedgerEntry entry(String actor, org.stageboard.core.ReleaseIdentity identity, String releaseJson, String folder, String kind,
                             String outcome, String message) {
        Commit commit = commit(releaseJson);
        return new LedgerEntry(Instant.now(), actor, ProcessIdentity.current().format(), identity == null ? null : identity.catalog(),
                kind, folder, identity == null ? null : identity.label(), identity == null ? null : identity.artifactSha256(), null,
                outcome, message, commit.sha(), commit.subject());
    }

    static String line(LedgerEntry entry) {
        try {
            return JSON.writeValueAsString(entry);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static void append(RemoteShell shell, RemoteLayout layout, LedgerEntry entry) {
        shell.check("Writing the ledger", appendScript(layout, entry));
    }

    /** A command appending the entry as one line (one {@code printf}, so lines of concurrent writers never mix). */
    static String appendScript(RemoteLayout layout, LedgerEntry entry) {
        return "mkdir -p " + q(layout.meta()) + " && printf '%s\\n' " + q(line(entry)) + " >> " + q(layout.ledger());
    }

    /** The entries of ledger lines, oldest first; lines that are not entries (hand edits, older formats) are skipped. */
    static List<LedgerEntry> parse(List<String> lines) {
        List<LedgerEntry> entries = new ArrayList<>();
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            try {
                LedgerEntry entry = JSON.readValue(line, LedgerEntry.class);
                if (entry.release() != null && entry.outcome() != null) {
                    entries.add(entry);
                }
            } catch (JsonProcessingException | RuntimeException e) {
                // Not ours to interpret.
            }
        }
        return entries;
    }

    /** A shell command printing the whole ledger (nothing when there is none). */
    static String readCommand(RemoteLayout layout) {
        return "cat " + q(layout.ledger()) + " 2>/dev/null || true";
    }

    /** A shell command printing the ledger's last {@link #TAIL} lines. */
    static String tailCommand(RemoteLayout layout) {
        return "tail -n " + TAIL + " " + q(layout.ledger()) + " 2>/dev/null || true";
    }
}
