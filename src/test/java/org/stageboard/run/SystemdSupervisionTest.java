package org.stageboard.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stageboard.run.DemoDeploys.freePort;
import static org.stageboard.run.DemoDeploys.release;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stageboard.core.HostState;
import org.stageboard.core.InstanceState;
import org.stageboard.core.RunSettings;
import org.stageboard.core.RunStatus;
import org.stageboard.core.Supervision;
import org.stageboard.testing.AppProcesses;
import org.stageboard.testing.FakeSystemd;
import org.stageboard.testing.RecordingProgress;

/**
 * systemd supervision: the generated unit, exactly; and, through a test fake of
 * {@code systemctl}/{@code loginctl}/{@code sudo} (these machines have no systemd) that records
 * every call and really runs the unit's command, the exact commands sent for user and system
 * units, deploys going live, a second deploy stopping the first's units, and a sudo that asks for
 * a password refused with the sudoers rule to add.
 */
class SystemdSupervisionTest extends HostTestBase {

    private static final String USER = System.getProperty("user.name");

    private FakeSystemd fake;

    private static RemoteRelease supervised(String name, int port, Supervision supervision) {
        RemoteRelease r = release(name, okArtifact, port, "hello from " + name, 60, 3);
        RunSettings run = r.run().withSupervision(supervision);
        return new RemoteRelease(r.identity(), r.artifactFile(), r.env(), r.secretValues(), run, r.actor(), r.releaseJson());
    }

    @Test
    void theUnitOfAnInstanceIsExactlyThis() {
        RemoteLayout layout = new RemoteLayout("/srv/sb 100%/shop/staging");
        Instances.Instance web2 = new Instances.Instance("web", 2, "java -jar \"app.jar\" --home=$HOME 'x' \\d", 8081);

        assertThat(SystemdUnits.unitName(layout, web2)).isEqualTo("stageboard-shop-staging-web-2.service");
        assertThat(SystemdUnits.unit(layout, web2, false, null, 7)).isEqualTo("""
                # Written by Stageboard for shop/staging, instance web.2. Stageboard rewrites it on every start.
                [Unit]
                Description=Stageboard shop/staging web.2
                After=network.target

                [Service]
                Type=simple
                WorkingDirectory=/srv/sb 100%%/shop/staging/current
                EnvironmentFile=/srv/sb 100%%/shop/staging/current/.env
                Environment="STAGEBOARD_PROCESS=web.2" "PORT=8081"
                ExecStart=/bin/sh -c "set -a; . ./.env; set +a; export STAGEBOARD_PROCESS=web.2 PORT=8081; \
                exec /bin/sh -c 'java -jar \\"app.jar\\" --home=$$HOME '\\\\''x'\\\\'' \\\\d'"
                Restart=on-failure
                RestartSec=2
                TimeoutStopSec=7
                StandardOutput=append:/srv/sb 100%%/shop/staging/shared/log/web.2.log
                StandardError=append:/srv/sb 100%%/shop/staging/shared/log/web.2.log

                [Install]
                WantedBy=default.target
                """);

        String system = SystemdUnits.unit(layout, new Instances.Instance("worker", 1, "run-worker", null), true, "deploy", 10);
        assertThat(system).contains("\nType=simple\nUser=deploy\nWorkingDirectory=")
                .contains("\nEnvironment=\"STAGEBOARD_PROCESS=worker.1\"\n")
                .contains("\nExecStart=/bin/sh -c \"set -a; . ./.env; set +a; export STAGEBOARD_PROCESS=worker.1; exec /bin/sh -c 'run-worker'\"\n")
                .endsWith("WantedBy=multi-user.target\n");
    }

    @Test
    void aDeployWithUserUnitsGoesLiveThroughSystemctlAndTheNextOneStopsThem() throws Exception {
        HostRunner runner = runnerFor("systemd-user");
        fake = FakeSystemd.install(server, work.resolve("fake-systemd-user"));
        int port = freePort();
        String unit = "stageboard-shop-staging-web-1.service";

        RecordingProgress progress = new RecordingProgress();
        DeployResult v1 = runner.activate(supervised("v1", port, Supervision.SYSTEMD_USER), progress);

        assertThat(v1.status()).as(progress.all() + "\n" + fake.calls()).isEqualTo(RunStatus.LIVE);
        assertThat(AppProcesses.get("http://127.0.0.1:" + port + "/")).isEqualTo("hello from v1");
        List<String> calls = fake.calls();
        assertThat(calls.subList(0, 5)).containsExactly(
                "loginctl enable-linger " + USER,
                "systemctl --user daemon-reload",
                "systemctl --user enable " + unit,
                "systemctl --user restart " + unit,
                "systemctl --user show -p MainPID --value " + unit);
        // Then only the health check's liveness reads.
        assertThat(calls.subList(5, calls.size())).containsOnly("systemctl --user show -p MainPID --value " + unit);
        Path unitFile = fake.userUnit(unit);
        assertThat(unitFile).exists();
        assertThat(Files.readString(unitFile)).isEqualTo(SystemdUnits.unit(new RemoteLayout(deploys.envDir().toString()),
                new Instances.Instance("web", 1, DemoDeploys.startCommand(), null), false, null, 5));
        long mainPid = fake.pid(unit);
        assertThat(deploys.instancePid("web.1")).isEqualTo(mainPid);
        assertThat(Files.readString(deploys.envDir().resolve(".stageboard/run/web.1.unit")).strip()).isEqualTo("user " + unit);
        assertThat(Files.readString(deploys.envDir().resolve("shared/log/web.1.log"))).contains("starting staging v1 as web.1",
                "listening on 127.0.0.1:" + port);

        HostState state = runner.state("shop", "staging", false);
        assertThat(state.instances()).singleElement().satisfies(i -> {
            assertThat(i.name()).isEqualTo("web.1");
            assertThat(i.supervision()).isEqualTo("systemd-user");
            assertThat(i.pid()).isEqualTo((int) mainPid);
            assertThat(i.alive()).isTrue();
        });
        assertThat(state.appAlive()).isTrue();

        int before = fake.calls().size();
        RecordingProgress second = new RecordingProgress();
        DeployResult v2 = runner.activate(supervised("v2", port, Supervision.SYSTEMD_USER), second);

        assertThat(v2.status()).as(second.all()).isEqualTo(RunStatus.LIVE);
        List<String> next = fake.calls().subList(before, fake.calls().size());
        assertThat(next.subList(0, 6)).containsExactly(
                "systemctl --user stop " + unit,
                "systemctl --user disable " + unit,
                "systemctl --user daemon-reload",
                "systemctl --user enable " + unit,
                "systemctl --user restart " + unit,
                "systemctl --user show -p MainPID --value " + unit);
        assertThat(next).noneMatch(c -> c.startsWith("loginctl"));
        assertThat(DemoDeploys.isAlive(mainPid)).isFalse();
        assertThat(AppProcesses.get("http://127.0.0.1:" + port + "/")).isEqualTo("hello from v2");
        assertThat(second.logs).anyMatch(l -> l.contains("web.1 stopped (" + unit + ")"));
    }

    @Test
    void systemUnitsAreWrittenAndRunThroughSudo() throws Exception {
        HostRunner runner = runnerFor("systemd-system");
        fake = FakeSystemd.install(server, work.resolve("fake-systemd-system"));
        int port = freePort();
        String unit = "stageboard-shop-staging-web-1.service";

        RecordingProgress progress = new RecordingProgress();
        DeployResult v1 = runner.activate(supervised("v1", port, Supervision.SYSTEMD_SYSTEM), progress);

        assertThat(v1.status()).as(progress.all() + "\n" + fake.calls()).isEqualTo(RunStatus.LIVE);
        assertThat(AppProcesses.get("http://127.0.0.1:" + port + "/")).isEqualTo("hello from v1");
        // The fake sudo runs the fake systemctl, which records itself too.
        assertThat(fake.calls().subList(0, 10)).containsExactly(
                "sudo -n true",
                "sudo -n tee /etc/systemd/system/" + unit,
                "sudo -n systemctl daemon-reload",
                "systemctl daemon-reload",
                "sudo -n systemctl enable " + unit,
                "systemctl enable " + unit,
                "sudo -n systemctl restart " + unit,
                "systemctl restart " + unit,
                "systemctl show -p MainPID --value " + unit,
                "systemctl show -p MainPID --value " + unit);
        assertThat(fake.calls()).noneMatch(c -> c.startsWith("loginctl") || c.contains("--user"));
        assertThat(Files.readString(fake.systemUnit(unit))).isEqualTo(SystemdUnits.unit(new RemoteLayout(deploys.envDir().toString()),
                new Instances.Instance("web", 1, DemoDeploys.startCommand(), null), true, USER, 5));
        assertThat(runner.state("shop", "staging", false).instances()).extracting(InstanceState::supervision, InstanceState::alive)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("systemd-system", true));
    }

    @Test
    void aSudoThatAsksForAPasswordFailsSayingWhichSudoersRuleIsNeeded() throws Exception {
        HostRunner runner = runnerFor("systemd-no-sudo");
        fake = FakeSystemd.install(server, work.resolve("fake-systemd-no-sudo"));
        fake.sudoAsksForPassword();

        RecordingProgress progress = new RecordingProgress();
        DeployResult result = runner.activate(supervised("v1", freePort(), Supervision.SYSTEMD_SYSTEM), progress);

        assertThat(result.status()).as(progress.all()).isEqualTo(RunStatus.FAILED);
        assertThat(result.message()).contains("needs sudo without a password", "sudo -n asks for one",
                "NOPASSWD: /usr/bin/tee /etc/systemd/system/stageboard-shop-staging-*, /usr/bin/systemctl", "or use systemd-user supervision");
        assertThat(fake.calls()).containsExactly("sudo -n true");
    }
}
