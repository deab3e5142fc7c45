package org.stageboard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stageboard.catalog.HistorySeed;
import org.stageboard.pipeline.EngineAccess;
import org.stageboard.pipeline.Stageboard;
import org.stageboard.pipeline.StageboardHome;

/** history with filters, pages and exports, on a catalog (real H2 file) seeded with 300 builds, 600 releases and 1,500 runs. */
class CliHistoryFilterTest {

    @TempDir
    Path tmp;

    private StageboardHome home;
    private HistorySeed seed;

    @BeforeEach
    void seed() {
        home = new StageboardHome(tmp.resolve("home"));
        try (Stageboard engine = Stageboard.open(home)) {
            seed = HistorySeed.fill(EngineAccess.catalog(engine), 300, 600, 1500);
        }
    }

    private long expected(java.util.function.Predicate<HistorySeed.Item> filter) {
        return seed.items().stream().filter(filter).count();
    }

    @Test
    void filtersPagesAndSearches() {
        String out = cli("history", "-p", "shop", "--env", "staging", "--host", "vps2", "--status", "failed", "--limit", "5");
        List<String> lines = out.lines().toList();
        long total = expected(i -> "staging".equals(i.environment()) && "vps2".equals(i.host()) && "FAILED".equals(i.status()));
        assertThat(total).isGreaterThan(5);
        assertThat(lines).hasSize(6);
        assertThat(lines.subList(0, 5)).allSatisfy(l -> assertThat(l).contains(" on vps2  FAILED").contains("deploy staging v"));
        assertThat(lines.get(5)).isEqualTo("page 1 of " + (total + 4) / 5 + " (" + total + " rows)");

        String second = cli("history", "-p", "shop", "--env", "staging", "--host", "vps2", "--status", "failed", "--limit", "5", "--page", "2");
        assertThat(second.lines().limit(5)).doesNotContainAnyElementsOf(lines.subList(0, 5));

        String byRelease = cli("history", "-p", "shop", "--search", "production v7", "--author", "carol");
        assertThat(byRelease.lines().filter(l -> !l.startsWith("page"))).isNotEmpty()
                .allSatisfy(l -> assertThat(l).contains("production v7").contains("  carol  "));
        assertThat(byRelease).contains("(" + expected(i -> "production v7".equals(i.release()) && "carol".equals(i.actor())) + " row");

        String sha = HistorySeed.sha(42);
        String builds = cli("history", "-p", "shop", "--search", sha.substring(0, 9), "--kind", "build");
        assertThat(builds).contains("build #42").contains(sha.substring(0, 7) + " Fix checkout-42 rounding").contains("(1 row)");

        // no filter: still the audit trail
        assertThat(cli("history", "-p", "shop")).doesNotContain("page 1 of");
    }

    @Test
    void exportsCsvAndJsonToAFile() throws Exception {
        Path csv = tmp.resolve("history.csv");
        String said = cli("history", "-p", "shop", "--env", "production", "--since", "2026-01-02", "--until", "2026-01-03",
                "--export", "csv", "--output", csv.toString());
        java.time.Instant since = java.time.LocalDate.parse("2026-01-02").atStartOfDay(java.time.ZoneId.systemDefault()).toInstant();
        java.time.Instant until = java.time.LocalDate.parse("2026-01-03").atStartOfDay(java.time.ZoneId.systemDefault()).toInstant();
        long rows = expected(i -> "production".equals(i.environment()) && !i.at().isBefore(since) && i.at().isBefore(until));
        assertThat(rows).isPositive();
        assertThat(said).isEqualTo("Exported " + rows + " rows of shop's history to " + csv + " (csv).\n");
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines).hasSize((int) rows + 1);
        assertThat(lines.get(0)).startsWith("kind,at,");
        assertThat(lines.subList(1, lines.size())).allSatisfy(l -> assertThat(l.split(",")[3]).isEqualTo("production"));

        Path json = tmp.resolve("history.json");
        cli("history", "-p", "shop", "--env", "production", "--since", "2026-01-02", "--until", "2026-01-03", "--export", "JSON", "-o", json.toString());
        JsonNode array = new ObjectMapper().readTree(json.toFile());
        assertThat(array).hasSize((int) rows);
        assertThat(array.get(0).get("environment").asText()).isEqualTo("production");
        assertThat(array.get(0).get("kind").asText().toLowerCase(Locale.ROOT)).isIn("run", "release");
    }

    @Test
    void aFilterOnANameThatDoesNotExistIsRefusedNamingWhatThereIs() {
        Failed env = failing("history", "-p", "shop", "--env", "stagin");
        assertThat(env.code()).isEqualTo(StageboardCli.FAILED);
        assertThat(env.err()).contains("no environment named 'stagin'").contains("staging").contains("production");
        assertThat(env.out()).doesNotContain("rows)");

        Failed host = failing("history", "-p", "shop", "--host", "vps9", "--export", "csv");
        assertThat(host.err()).contains("no host named 'vps9'").contains("vps2");
        assertThat(host.out()).isEmpty();

        Failed status = failing("history", "-p", "shop", "--status", "bogus");
        assertThat(status.err()).contains("'bogus' is not an outcome").contains("failed").contains("rolled_back").contains("created");

        assertThat(cli("history", "-p", "shop", "--status", "Rolled Back", "--limit", "1")).contains("ROLLED_BACK");

        // the same typo in any command names the project and its environments
        for (String[] command : new String[][] {{"deploy", "-p", "shop", "-e", "stagin"}, {"release", "-p", "shop", "-e", "stagin"},
                {"config", "show", "-p", "shop", "-e", "stagin"}}) {
            Failed typo = failing(command);
            assertThat(typo.err()).as(String.join(" ", command)).contains("No environment named 'stagin' in project shop; its environments: ")
                    .contains("staging").contains("production");
        }
    }

    private record Failed(int code, String out, String err) {
    }

    private Failed failing(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = StageboardCli.execute(home, new PrintWriter(out, true), new PrintWriter(err, true), args);
        assertThat(code).as(String.join(" ", args) + "\n" + out + err).isNotZero();
        return new Failed(code, out.toString(), err.toString());
    }

    private String cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = StageboardCli.execute(home, new PrintWriter(out, true), new PrintWriter(err, true), args);
        assertThat(code).as(String.join(" ", args) + "\n" + out + err).isZero();
        return out.toString();
    }
}
