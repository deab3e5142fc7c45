package org.stageboard.run;

import static org.stageboard.run.RemoteLayout.q;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Appends one JSON line per activation attempt to {@code .stageboard/ledger.jsonl} on the host. */
final class Ledger {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Ledger() {
    }

    static String line(RemoteRelease release, String previous, String outcome, String message) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("time", Instant.now().toString());
        entry.put("actor", release.actor());
        entry.put("project", release.project());
        entry.put("environment", release.environment());
        entry.put("release", release.releaseName());
        entry.put("label", release.label());
        entry.put("artifact", release.artifactSha256());
        entry.put("previous", previous);
        entry.put("outcome", outcome);
        entry.put("message", message);
        try {
            return JSON.writeValueAsString(entry);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static void append(RemoteShell shell, RemoteLayout layout, String line) {
        shell.check("Writing the ledger", "mkdir -p " + q(layout.meta()) + " && printf '%s\\n' " + q(line) + " >> " + q(layout.ledger()));
    }
}
