package org.stageboard.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stageboard.core.Event;
import org.stageboard.core.Project;
import org.stageboard.core.Recipe;
import org.stageboard.testing.GitFixture;

/** A renamed project keeps its history (found when a rename hid every event recorded under the old name). */
class ProjectRenameHistoryTest {

    @TempDir
    Path temp;

    @Test
    void theHistoryOfARenamedProjectKeepsWhatWasRecordedUnderItsOldName() {
        try (GitFixture git = GitFixture.init(temp.resolve("repo"))) {
            git.write("README", "hello\n");
            git.commit("First");
        }
        try (Stageboard engine = Stageboard.open(new StageboardHome(temp.resolve("home")))) {
            Project project = engine.addProject("shop-api", temp.resolve("repo"), "main", new Recipe("true", List.of("README")));
            engine.updateProject(project, null, null, null, new Recipe("true", List.of("README", "*.md")));
            Project renamed = engine.updateProject(project, "shop", null, null, null);

            List<String> actions = engine.history(renamed, 10).stream().map(Event::action).toList();
            assertThat(actions).containsExactly("project.edit", "project.edit", "project.add");
            assertThat(engine.history(renamed, 10).get(0).detail()).isEqualTo("name shop-api -> shop");
        }
    }
}
