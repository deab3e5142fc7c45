package org.stageboard.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stageboard.core.Build;
import org.stageboard.core.Environment;
import org.stageboard.core.Project;
import org.stageboard.core.Recipe;
import org.stageboard.core.RunSettings;
import org.stageboard.testing.GitFixture;
import org.stageboard.testing.RecordingProgress;

/** The change stamp moves with every change another engine on the same catalog records, and only then. */
class CatalogWatchTest {

    @TempDir
    Path tmp;

    private Stageboard window;
    private Stageboard cli;
    private GitFixture repo;

    @BeforeEach
    void open() {
        window = Stageboard.open(new StageboardHome(tmp.resolve("home")));
        cli = Stageboard.open(new StageboardHome(tmp.resolve("home")));
        repo = GitFixture.init(tmp.resolve("repo"));
        repo.write("app.txt", "v1\n").commit("first");
    }

    @AfterEach
    void close() {
        repo.close();
        cli.close();
        window.close();
    }

    @Test
    void theStampMovesWithWhatAnotherEngineRecordsAndStaysPutOtherwise() {
        CatalogWatch.Stamp empty = window.watch().stamp();
        assertThat(window.watch().stamp()).as("nothing changed").isEqualTo(empty);

        Project project = cli.addProject("demo", repo.dir(), "main", new Recipe("cp app.txt out.txt", List.of("out.txt")));
        CatalogWatch.Stamp withProject = window.watch().stamp();
        assertThat(withProject).isNotEqualTo(empty);

        Environment staging = cli.addEnvironment(project, "staging", new RunSettings("true", "http://127.0.0.1:1/health", 5, 5, 5));
        CatalogWatch.Stamp withEnvironment = window.watch().stamp();
        assertThat(withEnvironment).isNotEqualTo(withProject);

        Build build = cli.build(project, "main", new RecordingProgress());
        assertThat(build.succeeded()).isTrue();
        CatalogWatch.Stamp built = window.watch().stamp();
        assertThat(built).isNotEqualTo(withEnvironment);
        assertThat(window.watch().stamp()).as("reading changes nothing").isEqualTo(built);
        window.board(project, 10);
        assertThat(window.watch().stamp()).isEqualTo(built);

        cli.release(build, staging);
        assertThat(window.watch().stamp()).isNotEqualTo(built);
    }
}
