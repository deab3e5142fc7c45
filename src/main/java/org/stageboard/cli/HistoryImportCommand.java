package org.stageboard.cli;

import java.util.concurrent.Callable;
import org.stageboard.pipeline.LedgerImport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code history import-ledgers}: teammates' deploys, read from the hosts' ledgers into this catalog's history. */
@Command(name = "import-ledgers", description = {"Read the ledger (.stageboard/ledger.jsonl) of every host of the project's environments and",
        "add the runs other catalogs made there (a teammate, CI) to this catalog's history, marked with their catalog and",
        "who ran them. Importing again adds only new lines."})
final class HistoryImportCommand implements Callable<Integer> {
    private final CliContext context;

    @Mixin
    ProjectOption project;

    HistoryImportCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        LedgerImport result = context.engine().history().importLedgers(context.project(project.name));
        context.out().println(result.describe());
        return result.failures().isEmpty() ? 0 : 1;
    }
}
