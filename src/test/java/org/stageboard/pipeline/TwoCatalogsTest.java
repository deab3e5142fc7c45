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
import org.stageboard.core.Host;
import org.stageboard.core.Project;
import org.stageboard.core.Recipe;
import org.stageboard.core.Release;
import org.stageboard.core.Run;
import org.stageboard.core.RunSettings;
import org.stageboard.core.RunStatus;
import org.stageboard.testing.AppProcesses;

/**
 * Two catalogs (a teammate, CI with a fresh home, a rebuilt laptop) deploy the same project and
 * environment to one host: each runs its own code and config, and each sees what the other did.
 */
class TwoCatalogsTest extends EngineTestBase {

    // The engine of the base is Alice's; CI has a catalog of its own.
    private Stageboard alice;
    private Stageboard ci;

    @BeforeEach
    void openSecondCatalog() {
        alice = engine;
        ci = Stageboard.open(new StageboardHome(tmp.resolve("ci-home")));
        repo.copyResource("/demo-app/Server.java", "Server.java").write("health-behaviour", "ok\n").commit("app");
    }

    @AfterEach
    void closeSecondCatalog() {
        ci.close();
    }

    private record Setup(Environment staging, Host host, Project project) {
    }

    private Setup setUp(Stageboard engine, String greeting) {
        Project project = engine.addProject("shop", repo.dir(), null, new Recipe("true", List.of("Server.java", "health-behaviour")));
        Environment staging = engine.addEnvironment(project, "staging",
                new RunSettings("java Server.java", "http://127.0.0.1:" + appPort + "/health", 60, 5, 5));
        engine.setConfig(staging, Map.of("PORT", new ConfigEntry("PORT", Integer.toString(appPort), false),
                "GREETING", new ConfigEntry("GREETING", greeting, false)), Set.of());
        Host host = engine.addHost("vps1", server.address(), server.port(), server.user(), server.clientKey(), server.baseDir().toString());
        engine.attachHost(staging, host);
        host = engine.trustHostKey(host, engine.checkHostKey(host).fingerprint());
        return new Setup(staging, host, project);
    }

    private Release release(Stageboard engine, Setup setup) {
        return engine.release(engine.build(setup.project(), "main", progress), setup.staging());
    }

    @Test
    void eachCatalogRunsItsOwnReleaseAndSeesTheOthersDeployOnTheHost() {
        Setup a = setUp(alice, "alice's config");
        Release a1 = release(alice, a);
        assertThat(alice.deploy(a1, a.host(), progress).status()).isEqualTo(RunStatus.LIVE);
        alice.setConfig(a.staging(), Map.of("GREETING", new ConfigEntry("GREETING", "alice's v2", false)), Set.of());
        Release a2 = release(alice, a);
        assertThat(alice.deploy(a2, a.host(), progress).status()).isEqualTo(RunStatus.LIVE);

        // CI, with a catalog of its own, makes its own "staging v1" and deploys it to the same host.
        Setup c = setUp(ci, "ci's config");
        Release c1 = release(ci, c);
        assertThat(c1.label()).isEqualTo(a1.label());
        Run ciRun = ci.deploy(c1, c.host(), progress);

        assertThat(ciRun.status()).as(ciRun.message()).isEqualTo(RunStatus.LIVE);
        assertThat(AppProcesses.get("http://127.0.0.1:" + appPort + "/")).as("CI's code and config run, not alice's v1")
                .isEqualTo("ci's config");

        // Alice's catalog does not claim its v2 is live: the host says another catalog's release runs, and who put it there.
        HostStatus seenByAlice = alice.readHosts(a.project(), true).get(0);
        assertThat(seenByAlice.running()).isNull();
        assertThat(seenByAlice.expected()).isEqualTo(a2);
        assertThat(seenByAlice.summary()).contains("staging v1 (another catalog)", "app up", "healthy");
        assertThat(seenByAlice.drift()).anyMatch(d -> d.contains("runs staging v1 of another catalog, deployed by"));
        assertThat(ci.readHosts(c.project(), true).get(0).agrees()).as("CI's catalog agrees with the host").isTrue();

        // Alice rolls back: the host's ledger names her v2 as the last good release before CI's.
        RollbackChoice choice = alice.rollbackChoice(a.staging(), a.host());
        assertThat(choice.target()).isEqualTo(a2);
        Run back = alice.rollback(a.staging(), a.host(), progress);
        assertThat(back.status()).as(back.message()).isEqualTo(RunStatus.LIVE);
        assertThat(AppProcesses.get("http://127.0.0.1:" + appPort + "/")).isEqualTo("alice's v2");

        // Now CI's rollback target would be alice's release, which CI cannot vouch for: it says so and does nothing.
        RollbackChoice ciChoice = ci.rollbackChoice(c.staging(), c.host());
        assertThat(ciChoice.possible()).isFalse();
        assertThat(ciChoice.explanation()).contains("before staging v2 (another catalog's)", "which another catalog deployed",
                "cannot vouch for its code and config");
        assertThat(alice.lastReadings(a.project()).get(0).readAt()).isNotNull();
    }
}
