package org.stageboard.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.stageboard.catalog.Catalog;
import org.stageboard.core.Build;
import org.stageboard.core.Environment;
import org.stageboard.core.Host;
import org.stageboard.core.Progress;
import org.stageboard.core.Project;
import org.stageboard.core.Recipe;
import org.stageboard.core.Release;
import org.stageboard.core.Run;
import org.stageboard.core.RunKind;
import org.stageboard.core.RunSettings;
import org.stageboard.core.RunStatus;

/**
 * The board reads bounded pages of a real catalog: the newest builds and the newest releases per
 * environment, plus the older ones what runs on the hosts refers to; only current runs, never the
 * past ones; totals so that the board can offer the rest.
 */
class BoardLoaderTest extends EngineTestBase {

    @Test
    void aPageHoldsTheNewestItemsAndWhatTheHostsRunNowButNoPastRuns() {
        repo.write("a.txt", "one");
        String first = repo.commit("First");
        repo.write("a.txt", "two");
        String second = repo.commit("Second");
        Project project = engine.addProject("shop", repo.dir(), "main", new Recipe("mkdir -p dist && cp a.txt dist/", List.of("dist/**")));
        Environment staging = engine.addEnvironment(project, "staging", RunSettings.of("sleep 1000", "http://127.0.0.1:" + appPort + "/health"));
        Environment production = engine.addEnvironment(project, "production", RunSettings.of("sleep 1000", "http://127.0.0.1:" + appPort + "/health"));
        Host host = engine.addHost("vps1", server.address(), server.port(), server.user(), server.clientKey(), server.baseDir().toString());
        host = engine.trustHostKey(host, engine.checkHostKey(host).fingerprint());
        engine.attachHost(staging, host);

        Build old = engine.build(project, first, Progress.NONE);
        Build newest = engine.build(project, second, Progress.NONE);
        Release v1 = engine.release(old, staging);
        Release v12 = null;
        for (int i = 0; i < 11; i++) {
            v12 = engine.release(newest, staging);
        }
        Release p1 = engine.release(newest, production);
        Catalog catalog = EngineAccess.catalog(engine);
        catalog.runs().record(v1.id(), host.id(), RunKind.DEPLOY, RunStatus.FAILED, "failed", "ada");
        Run live = catalog.runs().record(v1.id(), host.id(), RunKind.DEPLOY, RunStatus.LIVE, "live", "ada");
        Run rolledBack = catalog.runs().record(v12.id(), host.id(), RunKind.DEPLOY, RunStatus.ROLLED_BACK, "health failed", "ada");
        Run command = catalog.runs().record(v12.id(), host.id(), RunKind.RELEASE_COMMAND, RunStatus.FAILED, "migrate failed", "ada");

        BoardSnapshot page = engine.board(project, new BoardPage(10, 1, 3, Map.of()));

        assertThat(page.environments()).extracting(Environment::name).containsExactly("staging", "production");
        assertThat(page.releasesOf(staging.id())).extracting(Release::version).containsExactly(12, 11, 10, 1);
        assertThat(page.releaseCount(staging.id())).isEqualTo(12);
        assertThat(page.releasesOf(production.id())).containsExactly(p1);
        assertThat(page.builds()).extracting(Build::number).containsExactly(newest.number(), old.number());
        assertThat(page.buildCount()).isEqualTo(2);
        assertThat(page.runs()).extracting(Run::id).containsExactly(live.id());
        assertThat(page.liveRun(staging.id(), host.id())).map(Run::releaseId).contains(v1.id());
        // how the shown releases' deploys went: the newest deploy per host (not the release command), the failed one before it dropped
        assertThat(page.latestRunsOf(v12.id())).containsExactly(rolledBack);
        assertThat(page.latestRunsOf(v1.id())).containsExactly(live);
        assertThat(page.latestRunsOf(p1.id())).isEmpty();
        assertThat(page.commitOf(v1)).isEqualTo(first);
        assertThat(page.commits()).hasSize(2);

        BoardSnapshot wider = engine.board(project, new BoardPage(10, 5, 3, Map.of(staging.id(), 20)));
        assertThat(wider.releasesOf(staging.id())).hasSize(12);
        assertThat(engine.recentRuns(staging, host, 1)).extracting(Run::id).containsExactly(command.id());
        assertThat(engine.recentRuns(staging, host, 10)).extracting(Run::status)
                .containsExactly(RunStatus.FAILED, RunStatus.ROLLED_BACK, RunStatus.LIVE, RunStatus.FAILED);
    }
}
