package org.stageboard.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stageboard.catalog.Catalog;
import org.stageboard.catalog.HistorySeed;
import org.stageboard.core.ConfigEntry;
import org.stageboard.core.HistoryFilter;
import org.stageboard.core.HistoryKind;
import org.stageboard.core.Masker;
import org.stageboard.core.Project;
import org.stageboard.pipeline.HistoryCharts.Bucket;
import org.stageboard.pipeline.HistoryCharts.EnvironmentChart;

/**
 * The history's charts and exports on a catalog (real H2 file) seeded with runs at known times:
 * every number is worked out by hand from the seed below.
 */
class HistoryChartsTest {

    @TempDir
    Path tmp;

    private Stageboard engine;
    private Catalog catalog;
    private Project shop;

    private static Instant t(String at) {
        return Instant.parse(at);
    }

    @BeforeEach
    void seed() {
        engine = Stageboard.open(new StageboardHome(tmp.resolve("home")));
        catalog = engine.catalog();
        HistorySeed.fill(catalog, 0, 0, 0); // project shop, staging (id 1) and production (id 2), hosts vps1..vps3 (ids 1..3)
        shop = engine.project("shop");
        build(1, "2026-03-02T08:00:00Z", "2026-03-02T09:00:00Z");
        build(2, "2026-03-03T07:00:00Z", "2026-03-03T08:00:00Z");
        release(1, 1, 1, 1, "2026-03-02T09:30:00Z");
        release(2, 1, 2, 2, "2026-03-03T08:30:00Z");
        release(3, 2, 1, 1, "2026-03-04T09:00:00Z");
        // staging on vps1: a deploy that went live (later superseded), one that failed, one that went live the next day
        run(1, 1, 1, "DEPLOY", "SUPERSEDED", "2026-03-02T10:00:00Z", "2026-03-02T10:10:00Z", null);
        run(2, 1, 1, "DEPLOY", "FAILED", "2026-03-02T12:00:00Z", "2026-03-02T12:05:00Z", "health: \"down\", port 8080\nsee log");
        run(3, 2, 1, "DEPLOY", "LIVE", "2026-03-03T09:00:00Z", "2026-03-03T09:20:00Z", null);
        // cancelled: not a deploy that counts
        run(4, 2, 2, "DEPLOY", "CANCELLED", "2026-03-04T09:00:00Z", "2026-03-04T09:01:00Z", "Cancelled by the user.");
        // staging on vps2: rolled back, then a rollback run brought a good release back
        run(5, 2, 2, "DEPLOY", "ROLLED_BACK", "2026-03-10T10:00:00Z", "2026-03-10T10:01:00Z", "leaked s3cr3t-token-value in a message");
        run(6, 1, 2, "ROLLBACK", "LIVE", "2026-03-10T10:30:00Z", "2026-03-10T10:31:00Z", null);
        // production on vps3
        run(7, 3, 3, "DEPLOY", "LIVE", "2026-03-04T10:00:00Z", "2026-03-04T10:10:00Z", null);
    }

    @AfterEach
    void close() {
        engine.close();
    }

    private void build(int n, String committed, String started) {
        String sha = HistorySeed.sha(n);
        catalog.jdbc().update("INSERT INTO commits(project_id, sha, author, committed_at, message) VALUES (?,?,?,?,?)", shop.id(), sha, "Dev",
                t(committed), "Commit " + n + ", with \"quotes\"\n\nbody");
        catalog.jdbc().update("INSERT INTO artifacts(sha256, project_id, commit_sha, size_bytes, path, created_at) VALUES (?,?,?,?,?,?)",
                (sha + sha).substring(0, 64), shop.id(), sha, 10, "/a/" + n, t(started));
        catalog.jdbc().update("INSERT INTO builds(id, project_id, number, commit_sha, recipe_hash, status, started_at, finished_at, artifact_sha256, actor)"
                + " VALUES (?,?,?,?,?,?,?,?,?,?)", n, shop.id(), n, sha, "r".repeat(64), "SUCCEEDED", t(started), t(started).plusSeconds(60),
                (sha + sha).substring(0, 64), "alice");
    }

    private void release(int id, int env, int build, int version, String at) {
        String sha = HistorySeed.sha(build);
        catalog.jdbc().update("INSERT INTO releases(id, environment_id, version, build_id, artifact_sha256, config_version_id, start_command, health_url,"
                + " health_timeout_s, stop_grace_s, keep_releases, created_at, actor) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", id, env, version, build,
                (sha + sha).substring(0, 64), env, "true", "http://127.0.0.1:1/", 5, 5, 5, t(at), "bob");
    }

    private void run(int id, int release, int host, String kind, String status, String started, String finished, String message) {
        catalog.jdbc().update("INSERT INTO runs(id, release_id, host_id, kind, status, started_at, finished_at, message, actor) VALUES (?,?,?,?,?,?,?,?,?)",
                id, release, host, kind, status, t(started), t(finished), message, "carol");
    }

    @Test
    void deploysPerDayAndWeekLeadTimeFailedRateAndTimeToRestorePerEnvironment() {
        HistoryCharts charts = engine.history().charts(shop, HistoryFilter.ALL, ZoneOffset.UTC);
        assertThat(charts.environments()).extracting(EnvironmentChart::environment).containsExactly("staging", "production");

        EnvironmentChart staging = charts.of("staging").orElseThrow();
        assertThat(staging.deploys()).isEqualTo(4);
        assertThat(staging.failed()).isEqualTo(2);
        assertThat(staging.failedRate()).isEqualTo(0.5);
        assertThat(staging.perDay()).hasSize(9);
        assertThat(staging.perDay().get(0)).isEqualTo(new Bucket(LocalDate.of(2026, 3, 2), 2, 1));
        assertThat(staging.perDay().get(1)).isEqualTo(new Bucket(LocalDate.of(2026, 3, 3), 1, 0));
        assertThat(staging.perDay().get(2)).isEqualTo(new Bucket(LocalDate.of(2026, 3, 4), 0, 0));
        assertThat(staging.perDay().get(8)).isEqualTo(new Bucket(LocalDate.of(2026, 3, 10), 1, 1));
        assertThat(staging.perWeek()).containsExactly(new Bucket(LocalDate.of(2026, 3, 2), 3, 1), new Bucket(LocalDate.of(2026, 3, 9), 1, 1));
        // commit 08:00 -> live 10:10; commit 07:00 next day -> live 09:20
        assertThat(staging.leadTimes()).extracting(HistoryCharts.Sample::duration)
                .containsExactly(Duration.ofMinutes(130), Duration.ofMinutes(140));
        assertThat(staging.medianLeadTime()).isEqualTo(Duration.ofMinutes(135));
        // vps1: failed at 12:05, live again next day 09:20; vps2: rolled back at 10:01, the rollback live at 10:31
        assertThat(staging.restores()).extracting(HistoryCharts.Sample::host, HistoryCharts.Sample::duration)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("vps1", Duration.ofHours(21).plusMinutes(15)),
                        org.assertj.core.groups.Tuple.tuple("vps2", Duration.ofMinutes(30)));
        assertThat(staging.meanTimeToRestore()).isEqualTo(Duration.ofHours(10).plusMinutes(52).plusSeconds(30));

        EnvironmentChart production = charts.of("production").orElseThrow();
        assertThat(production.deploys()).isEqualTo(1);
        assertThat(production.failedRate()).isZero();
        assertThat(production.medianLeadTime()).isEqualTo(Duration.ofDays(2).plusMinutes(130));
        assertThat(production.meanTimeToRestore()).isNull();

        // filtered to one host and a date range
        EnvironmentChart vps1 = engine.history().charts(shop, HistoryFilter.ALL.withHost("vps1")
                .withRange(t("2026-03-02T11:00:00Z"), t("2026-03-05T00:00:00Z")), ZoneOffset.UTC).of("staging").orElseThrow();
        assertThat(vps1.deploys()).isEqualTo(2);
        assertThat(vps1.failed()).isEqualTo(1);
        assertThat(vps1.perDay()).containsExactly(new Bucket(LocalDate.of(2026, 3, 2), 1, 1), new Bucket(LocalDate.of(2026, 3, 3), 1, 0));
    }

    @Test
    void exportsTheFilteredHistoryAsCsvAndJsonWithSecretsMasked() throws Exception {
        engine.setConfig(engine.environment(shop, "staging"), Map.of("TOKEN", new ConfigEntry("TOKEN", "s3cr3t-token-value", true)), Set.of());
        HistoryFilter filter = HistoryFilter.ALL.withEnvironment("staging");
        long rows = engine.history().count(shop, filter);
        assertThat(rows).isEqualTo(2 + 6); // releases 1 and 2, runs 1..6

        StringWriter csv = new StringWriter();
        assertThat(engine.history().exportCsv(shop, filter, csv)).isEqualTo(rows);
        String text = csv.toString();
        assertThat(text).startsWith("kind,at,finished_at,environment,host,status,actor,action,release,build,commit,commit_message,message,catalog,by\r\n");
        assertThat(text).doesNotContain("s3cr3t-token-value").contains("leaked " + Masker.MASK + " in a message");
        // RFC 4180: the message with quotes, a comma and a line break is one quoted field, quotes doubled
        assertThat(text).contains("RUN,2026-03-02T12:00:00Z,2026-03-02T12:05:00Z,staging,vps1,FAILED,carol,DEPLOY,staging v1,1,"
                + HistorySeed.sha(1) + ",\"Commit 1, with \"\"quotes\"\"\",\"health: \"\"down\"\", port 8080\nsee log\",,\r\n");
        // newest first: the rollback on 03-10 is the first row
        assertThat(text.split("\r\n")[1]).startsWith("RUN,2026-03-10T10:30:00Z");

        StringWriter json = new StringWriter();
        assertThat(engine.history().exportJson(shop, filter, json)).isEqualTo(rows);
        JsonNode array = new ObjectMapper().readTree(json.toString());
        assertThat(array).hasSize((int) rows);
        JsonNode failed = array.get(rows == 8 ? 5 : 0);
        List<String> statuses = new java.util.ArrayList<>();
        array.forEach(n -> statuses.add(n.get("status").asText()));
        assertThat(statuses).containsExactly("LIVE", "ROLLED_BACK", "CANCELLED", "LIVE", "CREATED", "FAILED", "SUPERSEDED", "CREATED");
        assertThat(failed.get("message").asText()).isEqualTo("health: \"down\", port 8080\nsee log");
        assertThat(failed.get("build").asInt()).isEqualTo(1);
        assertThat(failed.get("host").asText()).isEqualTo("vps1");
        assertThat(failed.get("catalog").isNull()).isTrue();
        assertThat(json.toString()).doesNotContain("s3cr3t-token-value");

        // a kind filter narrows the export too
        StringWriter releases = new StringWriter();
        assertThat(engine.history().exportCsv(shop, filter.withKind(HistoryKind.RELEASE), releases)).isEqualTo(2);
    }
}
