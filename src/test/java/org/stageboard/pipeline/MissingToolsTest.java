package org.stageboard.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stageboard.core.Recipe;
import org.stageboard.core.RecipeStep;

/** A recipe's programs looked up on a PATH: a detected yarn on a machine with npm only is said before the first build. */
class MissingToolsTest {

    @TempDir
    Path bin;

    @Test
    void theProgramsNotOnThePathAreNamedWithTheirSteps() throws Exception {
        Path npm = Files.writeString(bin.resolve("npm"), "#!/bin/sh\n");
        Files.setPosixFilePermissions(npm, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(bin.resolve("yarn"), "not executable\n");
        Recipe yarn = new Recipe(List.of(new RecipeStep("install", "yarn install --frozen-lockfile"), new RecipeStep("test", "yarn test"),
                new RecipeStep("check", "NODE_ENV=test npm run lint"), new RecipeStep("package", "./mvnw -q package"),
                new RecipeStep("sanity", "test -f package.json")), List.of("**"), Map.of(), List.of(".cache/yarn"));

        assertThat(MissingTools.of(yarn, bin.toString())).containsExactly(
                "'yarn' (steps install, test) is not on this computer's PATH: the build fails until it is installed, or give other steps with --step.");
        assertThat(MissingTools.of(new Recipe("npm ci", List.of("**")), bin.toString())).isEmpty();
    }

    @Test
    void theFirstWordAfterAssignmentsIsTheProgram() {
        assertThat(MissingTools.program("CGO_ENABLED=0 go build -o bin/ ./...")).isEqualTo("go");
        assertThat(MissingTools.program("./gradlew build")).isNull();
        assertThat(MissingTools.program("cd web && npm ci")).isNull();
        assertThat(MissingTools.program("  mvn -B package")).isEqualTo("mvn");
    }
}
