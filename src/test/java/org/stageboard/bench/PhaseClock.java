package org.stageboard.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.stageboard.core.Progress;

/**
 * A {@link Progress} that timestamps every step, log line and the end of the upload, so that one
 * activation's wall time can be split into the phases HostRunner reports. The upload step is split
 * further: checks before the transfer, the SFTP transfer itself (until the transfer listener says
 * 100 %), and the rename plus the {@code sha256sum} of the uploaded file on the host.
 */
final class PhaseClock implements Progress {

    private record Event(long nanos, String kind, String text) {
    }

    private final List<Event> events = new ArrayList<>();
    private final long start = System.nanoTime();
    private long end;
    private boolean uploadDone;

    @Override
    public synchronized void step(String title) {
        events.add(new Event(System.nanoTime(), "step", title));
    }

    @Override
    public synchronized void log(String line) {
        events.add(new Event(System.nanoTime(), "log", line));
    }

    @Override
    public synchronized void fraction(double done) {
        if (done >= 1.0 && !uploadDone) {
            uploadDone = true;
            events.add(new Event(System.nanoTime(), "transferred", ""));
        }
    }

    synchronized void stop() {
        end = System.nanoTime();
    }

    synchronized double seconds() {
        return (end - start) / 1e9;
    }

    /** Seconds per phase, in the order they happened; a phase that came twice is summed. */
    synchronized Map<String, Double> phases() {
        List<Event> marks = new ArrayList<>();
        for (Event e : events) {
            if (e.kind.equals("step")) {
                marks.add(new Event(e.nanos, "phase", phaseName(e.text)));
            } else if (e.kind.equals("log") && e.text.startsWith("uploading artifact")) {
                marks.add(new Event(e.nanos, "phase", "  upload: SFTP transfer"));
            } else if (e.kind.equals("transferred")) {
                marks.add(new Event(e.nanos, "phase", "  upload: rename + sha256sum on host"));
            } else if (e.kind.equals("log") && (e.text.startsWith("artifact checked") || e.text.startsWith("sha256sum is not"))) {
                marks.add(new Event(e.nanos, "phase", "  upload: after the check"));
            }
        }
        Map<String, Double> phases = new LinkedHashMap<>();
        long previous = start;
        String name = "(before the first step)";
        for (Event mark : marks) {
            add(phases, name, mark.nanos - previous);
            previous = mark.nanos;
            name = mark.text;
        }
        add(phases, name, (end == 0 ? System.nanoTime() : end) - previous);
        return phases;
    }

    private static void add(Map<String, Double> phases, String name, long nanos) {
        if (nanos > 0 || phases.containsKey(name)) {
            phases.merge(name, nanos / 1e9, Double::sum);
        }
    }

    /** A step's title without the names in it: "switch current to v2-ab12" -> "switch current". */
    static String phaseName(String title) {
        String[][] prefixes = {
                {"connect to", "connect + resolve layout"},
                {"lock ", "lock + housekeeping + host reads"},
                {"upload artifact", "upload artifact (exists? mkdir)"},
                {"prepare release folder", "unpack + write .env/release.json"},
                {"stop previous app", "stop previous app + port check"},
                {"switch current", "switch current"},
                {"start ", "start command"},
                {"health check", "health check (until 200)"},
                {"record in ledger", "ledger"},
                {"prune old releases", "prune (reads state again)"},
                {"unlock", "unlock + disconnect"},
                {"roll back to", "roll back to previous"},
                {"restore the previous state", "restore previous state"},
        };
        for (String[] p : prefixes) {
            if (title.startsWith(p[0])) {
                return p[1];
            }
        }
        return title;
    }

    synchronized String transcript() {
        StringBuilder text = new StringBuilder();
        for (Event e : events) {
            text.append(String.format("%8.3f %s %s%n", (e.nanos - start) / 1e9, e.kind, e.text));
        }
        return text.toString();
    }
}
