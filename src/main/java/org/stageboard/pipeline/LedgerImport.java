package org.stageboard.pipeline;

import java.util.List;

/**
 * What importing the hosts' ledgers did: how many host/environment ledgers were read, how many
 * lines they held, how many were new runs of other catalogs (now in the history), how many had
 * been imported before, how many were this catalog's own (already in the history as runs), and the
 * hosts that could not be read, each with the reason.
 */
public record LedgerImport(int ledgers, int lines, int imported, int alreadyImported, int own, List<String> failures) {

    /** In a sentence. */
    public String describe() {
        return "Read " + ledgers + " ledger" + (ledgers == 1 ? "" : "s") + " (" + lines + " line" + (lines == 1 ? "" : "s") + "): "
                + imported + " new run" + (imported == 1 ? "" : "s") + " of other catalogs imported, " + alreadyImported + " imported before, "
                + own + " of this catalog" + (failures.isEmpty() ? "." : "; not read: " + String.join("; ", failures) + ".");
    }
}
