package org.stageboard.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.stageboard.core.ConfigEntry;
import org.stageboard.core.Environment;
import org.stageboard.core.HistoryFilter;
import org.stageboard.core.HistoryKind;
import org.stageboard.core.HistoryRow;
import org.stageboard.core.Host;
import org.stageboard.core.Project;
import org.stageboard.core.Recipe;
import org.stageboard.core.RunSettings;
import org.stageboard.core.RunStatus;

/**
 * Teammates' deploys: CI, with a catalog of its own, deploys to the host alice deploys to (real
 * SSH to the in-process server); alice imports the host's ledger and sees CI's deploy in her
 * history, marked with CI's catalog and who ran it, with the commit CI's ledger line named (found by
 * SHA); importing again adds nothing. CI's stop and restart of a release show its commit too. A line
 * written before commits were recorded still imports.
 */
class HistoryLedgerImportTest extends EngineTestBase {

    private Stageboard ci;
    private String head;

    @BeforeEach
    void openSecondCatalog() {
        ci = Stageboard.open(new StageboardHome(tmp.resolve("ci-home")));
        repo.copyResource("/demo-app/Server.java", "Server.java").write("health-behaviour", "ok\n").commit("app for everyone");
        head = repo.commit("second commit, the one deployed");
    }

    @AfterEach
    void closeSecondCatalog() {
        ci.close();
    }

    private record Setup(Project project, Environment staging, Host host) {
    }

    private Setup setUp(Stageboard engine) {
        Project project = engine.addProject("shop", repo.dir(), null, new Recipe("true", List.of("Server.java", "health-behaviour")));
        Environment staging = engine.addEnvironment(project, "staging",
                new RunSettings("java Server.java", "http://127.0.0.1:" + appPort + "/health", 60, 5, 5));
        engine.setConfig(staging, Map.of("PORT", new ConfigEntry("PORT", Integer.toString(appPort), false)), Set.of());
        Host host = engine.addHost("vps1", server.address(), server.port(), server.user(), server.clientKey(), server.baseDir().toString());
        engine.attachHost(staging, host);
        host = engine.trustHostKey(host, engine.checkHostKey(host).fingerprint());
        return new Setup(project, staging, host);
    }

    @Test
    void anotherCatalogsDeployShowsUpMarkedAndReimportAddsNothing() {
        Setup a = setUp(engine);
        var aliceRun = engine.deploy(engine.release(engine.build(a.project(), "main", progress), a.staging()), a.host(), progress);
        assertThat(aliceRun.status()).as(aliceRun.message()).isEqualTo(RunStatus.LIVE);

        Setup c = setUp(ci);
        var ciRun = ci.deploy(ci.release(ci.build(c.project(), "main", progress), c.staging()), c.host(), progress);
        assertThat(ciRun.status()).as(ciRun.message()).isEqualTo(RunStatus.LIVE);

        // CI's ledger line names the commit of the release it activated, SHA and subject
        java.nio.file.Path ledger = java.nio.file.Path.of(server.baseDir().toString(), "shop", "staging", ".stageboard", "ledger.jsonl");
        String ciLine = readLines(ledger).stream().filter(l -> l.contains(ci.catalog().identity())).findFirst().orElseThrow();
        assertThat(ciLine).contains("\"commit\":\"" + head + "\"").contains("\"commitSubject\":\"second commit, the one deployed\"");

        LedgerImport first = engine.history().importLedgers(a.project());
        assertThat(first.failures()).isEmpty();
        assertThat(first.ledgers()).isEqualTo(1);
        assertThat(first.imported()).as(first.describe()).isEqualTo(1);
        assertThat(first.own()).isEqualTo(1);

        List<HistoryRow> imported = engine.history().page(a.project(), HistoryFilter.ALL.withKind(HistoryKind.IMPORTED), 0, 10);
        assertThat(imported).hasSize(1);
        HistoryRow row = imported.get(0);
        assertThat(row.fromOtherCatalog()).isTrue();
        assertThat(row.catalog()).isEqualTo(ci.catalog().identity()).isNotEqualTo(engine.catalog().identity());
        assertThat(row.actor()).isEqualTo(ciRun.actor());
        assertThat(row.by()).contains("pid");
        assertThat(row.status()).isEqualTo("LIVE");
        assertThat(row.action()).isEqualTo("DEPLOY");
        assertThat(row.environment()).isEqualTo("staging");
        assertThat(row.host()).isEqualTo("vps1");
        assertThat(row.release()).isEqualTo("staging v1");
        // the commit the ledger line named, whether or not this catalog holds the very artifact CI deployed
        assertThat(row.commitSha()).isEqualTo(head);
        assertThat(row.commitSubject()).isEqualTo("second commit, the one deployed");
        // found by SHA prefix and by words of the message
        assertThat(engine.history().page(a.project(), HistoryFilter.ALL.withKind(HistoryKind.IMPORTED).withSearch(head.substring(0, 9)), 0, 10))
                .extracting(HistoryRow::id).containsExactly(row.id());
        assertThat(engine.history().page(a.project(), HistoryFilter.ALL.withKind(HistoryKind.IMPORTED).withSearch("THE ONE deployed"), 0, 10))
                .extracting(HistoryRow::id).containsExactly(row.id());
        assertThat(engine.history().count(a.project(), HistoryFilter.ALL.withSearch("0000000"))).isZero();
        // it is in the whole history too, newest first, above alice's own run
        List<HistoryRow> runs = engine.history().page(a.project(), HistoryFilter.ALL.withHost("vps1"), 0, 10);
        assertThat(runs).extracting(HistoryRow::kind).containsExactly(HistoryKind.IMPORTED, HistoryKind.RUN);
        // and in the charts: two deploys on staging
        assertThat(engine.history().charts(a.project(), HistoryFilter.ALL, java.time.ZoneOffset.UTC).of("staging").orElseThrow().deploys())
                .isEqualTo(2);

        LedgerImport again = engine.history().importLedgers(a.project());
        assertThat(again.imported()).isZero();
        assertThat(again.alreadyImported()).isEqualTo(1);
        assertThat(engine.history().count(a.project(), HistoryFilter.ALL.withKind(HistoryKind.IMPORTED))).isEqualTo(1);
    }

    @Test
    void aTeammatesDeployOfACommitThisCatalogNeverBuiltShowsThatCommit() {
        // alice has the project, the environment and the host, but built nothing: no artifact, no commit kept
        Setup a = setUp(engine);
        Setup c = setUp(ci);
        var ciRun = ci.deploy(ci.release(ci.build(c.project(), "main", progress), c.staging()), c.host(), progress);
        assertThat(ciRun.status()).as(ciRun.message()).isEqualTo(RunStatus.LIVE);
        assertThat(engine.history().count(a.project(), HistoryFilter.ALL)).isZero();

        LedgerImport result = engine.history().importLedgers(a.project());
        assertThat(result.imported()).as(result.describe()).isEqualTo(1);
        HistoryRow row = engine.history().page(a.project(), HistoryFilter.ALL, 0, 10).get(0);
        assertThat(row.fromOtherCatalog()).isTrue();
        assertThat(row.commitSha()).isEqualTo(head);
        assertThat(row.commitSubject()).isEqualTo("second commit, the one deployed");
        assertThat(engine.history().page(a.project(), HistoryFilter.ALL.withSearch(head.substring(0, 7)), 0, 10))
                .extracting(HistoryRow::id).containsExactly(row.id());
        assertThat(engine.history().page(a.project(), HistoryFilter.ALL.withSearch("second commit"), 0, 10))
                .extracting(HistoryRow::id).containsExactly(row.id());
    }

    @Test
    void aTeammatesStopAndRestartOfAReleaseShowItsCommitAndAreFoundBySha() {
        // alice built nothing: the commit of CI's operations comes from the ledger lines alone
        Setup a = setUp(engine);
        Setup c = setUp(ci);
        var ciRun = ci.deploy(ci.release(ci.build(c.project(), "main", progress), c.staging()), c.host(), progress);
        assertThat(ciRun.status()).as(ciRun.message()).isEqualTo(RunStatus.LIVE);
        var stopped = ci.stop(c.staging(), c.host(), java.time.Duration.ZERO, progress);
        assertThat(stopped.status()).as(stopped.message()).isEqualTo(RunStatus.STOPPED);
        var restarted = ci.restart(c.staging(), c.host(), java.time.Duration.ZERO, progress);
        assertThat(restarted.status()).as(restarted.message()).isEqualTo(RunStatus.LIVE);

        java.nio.file.Path ledger = java.nio.file.Path.of(server.baseDir().toString(), "shop", "staging", ".stageboard", "ledger.jsonl");
        assertThat(readLines(ledger)).filteredOn(l -> l.contains("\"kind\":\"stop\"")).singleElement().asString()
                .contains("\"commit\":\"" + head + "\"").contains("\"commitSubject\":\"second commit, the one deployed\"");

        LedgerImport result = engine.history().importLedgers(a.project());
        assertThat(result.failures()).isEmpty();
        assertThat(result.imported()).as(result.describe()).isEqualTo(3);
        List<HistoryRow> rows = engine.history().page(a.project(), HistoryFilter.ALL.withKind(HistoryKind.IMPORTED), 0, 10);
        assertThat(rows).extracting(HistoryRow::action).containsExactly("RESTART", "STOP", "DEPLOY");
        HistoryRow stop = rows.get(1);
        assertThat(stop.status()).isEqualTo("STOPPED");
        assertThat(stop.fromOtherCatalog()).isTrue();
        assertThat(stop.release()).isEqualTo("staging v1");
        assertThat(stop.commitSha()).isEqualTo(head);
        assertThat(stop.commitSubject()).isEqualTo("second commit, the one deployed");
        assertThat(rows.get(0).commitSha()).isEqualTo(head);
        // found by SHA prefix and by words of the message, with the deploy of the same commit
        assertThat(engine.history().page(a.project(), HistoryFilter.ALL.withSearch(head.substring(0, 8)), 0, 10))
                .extracting(HistoryRow::action).containsExactly("RESTART", "STOP", "DEPLOY");
        assertThat(engine.history().page(a.project(), HistoryFilter.ALL.withSearch("one deployed").withStatus("STOPPED"), 0, 10))
                .extracting(HistoryRow::id).containsExactly(stop.id());
    }

    @Test
    void aLedgerLineWrittenBeforeCommitsWereRecordedStillImports() throws Exception {
        Setup a = setUp(engine);
        var aliceRun = engine.deploy(engine.release(engine.build(a.project(), "main", progress), a.staging()), a.host(), progress);
        assertThat(aliceRun.status()).as(aliceRun.message()).isEqualTo(RunStatus.LIVE);
        // a teammate's line as Stageboard wrote them before: no commit, no commitSubject
        java.nio.file.Path ledger = java.nio.file.Path.of(server.baseDir().toString(), "shop", "staging", ".stageboard", "ledger.jsonl");
        String old = "{\"time\":\"2026-11-02T10:00:00.123456Z\",\"actor\":\"grace\",\"by\":\"grace@ci pid 7 since 2026-11-02T09:59:00Z\","
                + "\"catalog\":\"older-catalog\",\"kind\":\"deploy\",\"release\":\"v4-0123456789\",\"label\":\"staging v4\","
                + "\"artifact\":\"" + "b".repeat(64) + "\",\"previous\":null,\"outcome\":\"LIVE\",\"message\":\"live and healthy\"}\n";
        java.nio.file.Files.writeString(ledger, old, java.nio.file.StandardOpenOption.APPEND);

        LedgerImport result = engine.history().importLedgers(a.project());
        assertThat(result.failures()).isEmpty();
        assertThat(result.imported()).as(result.describe()).isEqualTo(1);
        assertThat(result.own()).isEqualTo(1);
        List<HistoryRow> imported = engine.history().page(a.project(), HistoryFilter.ALL.withKind(HistoryKind.IMPORTED), 0, 10);
        assertThat(imported).hasSize(1);
        HistoryRow row = imported.get(0);
        assertThat(row.catalog()).isEqualTo("older-catalog");
        assertThat(row.actor()).isEqualTo("grace");
        assertThat(row.release()).isEqualTo("staging v4");
        assertThat(row.status()).isEqualTo("LIVE");
        assertThat(row.commitSha()).isNull();
        assertThat(engine.history().importLedgers(a.project()).alreadyImported()).isEqualTo(1);
    }

    /**
     * The host's guard's line (it put a release back after a teammate's run stopped answering) imports
     * once, as what it is, and counts as no deploy in the charts. The line is as the guard's restore
     * script writes it (HostGuardTest checks that script's line on a real host).
     */
    @Test
    void theHostsGuardsLineOfAnotherCatalogImportsOnceAsARestoreNotADeploy() throws Exception {
        Setup a = setUp(engine);
        var aliceRun = engine.deploy(engine.release(engine.build(a.project(), "main", progress), a.staging()), a.host(), progress);
        assertThat(aliceRun.status()).as(aliceRun.message()).isEqualTo(RunStatus.LIVE);
        java.nio.file.Path ledger = java.nio.file.Path.of(server.baseDir().toString(), "shop", "staging", ".stageboard", "ledger.jsonl");
        String guard = "{\"time\":\"2026-11-02T10:00:07Z\",\"actor\":\"the host's guard\",\"by\":\"grace@ci pid 7 since 2026-11-02T09:59:00Z\","
                + "\"catalog\":\"ci-catalog\",\"kind\":\"guard-restore\",\"release\":\"v3-0123456789\",\"label\":\"staging v3\","
                + "\"artifact\":\"" + "c".repeat(64) + "\",\"previous\":\"v4-0123456789\",\"outcome\":\"RESTORED\",\"message\":\"The host's guard"
                + " put staging v3 back after grace's deploy of staging v4 stopped answering (its connection to the host closed); its health was"
                + " not checked.\",\"commit\":null,\"commitSubject\":null}\n";
        java.nio.file.Files.writeString(ledger, guard, java.nio.file.StandardOpenOption.APPEND);

        LedgerImport result = engine.history().importLedgers(a.project());
        assertThat(result.imported()).as(result.describe()).isEqualTo(1);
        List<HistoryRow> imported = engine.history().page(a.project(), HistoryFilter.ALL.withKind(HistoryKind.IMPORTED), 0, 10);
        assertThat(imported).hasSize(1);
        assertThat(imported.get(0).action()).isEqualTo("GUARD_RESTORE");
        assertThat(imported.get(0).actor()).isEqualTo("the host's guard");
        assertThat(imported.get(0).status()).isEqualTo("RESTORED");
        assertThat(engine.history().importLedgers(a.project()).imported()).as("never twice").isZero();
        assertThat(EngineAccess.catalog(engine).history().deploys(a.project().id(), HistoryFilter.ALL))
                .as("a restore is no deploy in the charts").noneMatch(d -> d.imported());
    }

    private static List<String> readLines(java.nio.file.Path file) {
        try {
            return java.nio.file.Files.readAllLines(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
