package org.stageboard.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process writing to the catalog that is killed ({@code kill -9} of the CLI) loses nothing it had
 * committed, and the numbers the catalog gives (runs, builds, events) go on one by one after it.
 * Before: H2 wrote commits to the file up to a second later, so the killed process's last records
 * were gone; and it kept 32 identity values per column in memory, so the next number could jump by 32.
 */
class CatalogAfterKillTest {

    @TempDir
    Path home;

    @Test
    void whatAKilledProcessCommittedStaysAndTheNextIdFollowsIt() throws Exception {
        long first;
        try (Catalog catalog = Catalog.open(home)) {
            first = catalog.events().append("test", "p", "probe", "s", "ok", "d").id();
        }
        long crashed = crashedWrite();
        assertThat(crashed).isEqualTo(first + 1);
        try (Catalog catalog = Catalog.open(home)) {
            assertThat(catalog.events().recent(10)).extracting(org.stageboard.core.Event::id)
                    .as("the killed process's event is still in the catalog").contains(crashed);
            long after = catalog.events().append("test", "p", "probe", "s", "ok", "d").id();
            assertThat(after).as("the id after a killed writer's %d", crashed).isEqualTo(crashed + 1);
        }
    }

    /** Appends an event in another JVM that then halts without closing the catalog; returns that event's id. */
    private long crashedWrite() throws IOException, InterruptedException {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), KilledWriter.class.getName(), home.toString())
                .redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as(out).isTrue();
        String line = out.lines().filter(l -> l.startsWith("event ")).findFirst().orElseThrow(() -> new AssertionError("no event id in: " + out));
        return Long.parseLong(line.substring("event ".length()).strip());
    }
}
