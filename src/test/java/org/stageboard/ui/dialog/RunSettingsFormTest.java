package org.stageboard.ui.dialog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stageboard.core.Environment;
import org.stageboard.core.Hooks;
import org.stageboard.core.Project;
import org.stageboard.core.Recipe;
import org.stageboard.core.Rollout;
import org.stageboard.core.RunSettings;
import org.stageboard.core.Supervision;
import org.stageboard.pipeline.Stageboard;
import org.stageboard.pipeline.StageboardHome;
import org.stageboard.testing.GitFixture;

/** The run settings dialog's model, without JavaFX: text in, settings saved on a real catalog, the wrong field named. */
class RunSettingsFormTest {

    @TempDir
    Path tmp;

    @Test
    void typedSettingsAreSavedAndReadBackAsText() {
        try (GitFixture git = GitFixture.init(tmp.resolve("repo")); Stageboard engine = Stageboard.open(new StageboardHome(tmp.resolve("home")))) {
            git.write("a", "a").commit("a");
            Project project = engine.addProject("shop", git.dir(), null, new Recipe("true", List.of("a")));
            Environment env = engine.addEnvironment(project, "production", RunSettings.of("./serve", "http://127.0.0.1:8080/health"));
            SetupViewModel setup = new SetupViewModel(engine);
            RunSettingsForm form = RunSettingsForm.of(env);
            assertThat(form.supervision()).isEqualTo("process");
            assertThat(form.rolloutMode()).isEqualTo("parallel");

            RunSettingsForm typed = new RunSettingsForm("./serve", "http://127.0.0.1:8080/health", "30", "web: ./serve\nworker: ./work",
                    "web=2", "systemd-user", "storage/ db/app.sqlite", "./migrate", "", " ", "4", "rolling", "5", "2", "10", "stay");
            Environment saved = setup.updateRunSettings(env, typed);
            RunSettings run = engine.environment(project, "production").run();
            assertThat(run.processes().scale()).containsEntry("web", 2);
            assertThat(run.supervision()).isEqualTo(Supervision.SYSTEMD_USER);
            assertThat(run.shared()).containsExactly("storage/", "db/app.sqlite");
            assertThat(run.hooks()).isEqualTo(new Hooks("./migrate", null, null));
            assertThat(run.healthTimeoutSeconds()).isEqualTo(30);
            assertThat(saved.rollout()).isEqualTo(new Rollout(Rollout.Mode.ROLLING, 5, 2, 10, Rollout.OnFailure.STAY));
            assertThat(RunSettingsForm.of(saved)).isEqualTo(new RunSettingsForm("./serve", "http://127.0.0.1:8080/health", "30",
                    "web: ./serve\nworker: ./work", "web=2", "systemd-user", "storage/ db/app.sqlite", "./migrate", "", "", "4",
                    "rolling", "5", "2", "10", "stay"));
        }
    }

    @Test
    void aWrongFieldIsNamed() {
        Environment env = new Environment(1, 1, "staging", RunSettings.of("./serve", "http://127.0.0.1:1/"), null);
        RunSettingsForm ok = RunSettingsForm.of(env);
        assertThatThrownBy(() -> withTimeout(ok, "soon").runSettings(env.run())).hasMessageContaining("Health timeout must be a whole number");
        assertThatThrownBy(() -> new RunSettingsForm("./serve", "http://127.0.0.1:1/", "5", "", "web=two", "process", "", "", "", "", "5",
                "parallel", "5", "1", "0", "roll-back").runSettings(env.run())).hasMessageContaining("is not a number");
        assertThatThrownBy(() -> new RunSettingsForm("./serve", "http://127.0.0.1:1/", "5", "", "", "process", "../up", "", "", "", "5",
                "parallel", "5", "1", "0", "roll-back").runSettings(env.run())).hasMessageContaining("'../up' cannot be used");
        assertThatThrownBy(() -> new RunSettingsForm("./serve", "http://127.0.0.1:1/", "5", "", "", "process", "", "", "", "", "5",
                "parallel", "0", "1", "0", "roll-back").rollout()).hasMessageContaining("Parallelism");
    }

    private static RunSettingsForm withTimeout(RunSettingsForm f, String timeout) {
        return new RunSettingsForm(f.start(), f.health(), timeout, f.processes(), f.scale(), f.supervision(), f.shared(), f.releaseCommand(),
                f.beforeSwitch(), f.afterSwitch(), f.keep(), f.rolloutMode(), f.parallelism(), f.batchSize(), f.pause(), f.onFailure());
    }
}
