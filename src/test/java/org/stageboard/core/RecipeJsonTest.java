package org.stageboard.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecipeJsonTest {

    private static final String GOOD = """
            {
              "steps": [
                {"name": "test", "run": "./mvnw -B -q test"},
                {"name": "package", "run": "./mvnw -B -q package -DskipTests"}
              ],
              "artifacts": ["target/*.jar"],
              "env": {"MAVEN_OPTS": "-Xmx1g"},
              "caches": [".m2/"]
            }
            """;

    @Test
    void readsStepsInOrderWithArtifactsVariablesAndCaches() {
        Recipe recipe = RecipeJson.parse(GOOD, "stageboard.json");
        assertThat(recipe.steps()).containsExactly(new RecipeStep("test", "./mvnw -B -q test"),
                new RecipeStep("package", "./mvnw -B -q package -DskipTests"));
        assertThat(recipe.artifactGlobs()).containsExactly("target/*.jar");
        assertThat(recipe.env()).containsExactly(Map.entry("MAVEN_OPTS", "-Xmx1g"));
        assertThat(recipe.caches()).containsExactly(".m2");
        assertThat(recipe.plain()).isFalse();
        assertThat(recipe.command()).isEqualTo("./mvnw -B -q test && ./mvnw -B -q package -DskipTests");
        // what it writes reads back the same
        assertThat(RecipeJson.parse(RecipeJson.write(recipe), "again")).isEqualTo(recipe);
    }

    @Test
    void aSingleCommandIsOneStepNamedBuildAndHashesAsThePlainRecipeAlwaysDid() {
        Recipe recipe = RecipeJson.parse("{\"command\": \"make\", \"artifacts\": \"dist/**\"}", "stageboard.json");
        assertThat(recipe).isEqualTo(new Recipe("make", List.of("dist/**")));
        assertThat(recipe.plain()).isTrue();
        // SHA-256("make" 0x00 "dist/**"): the hash of builds recorded before recipes had steps
        assertThat(recipe.hash()).isEqualTo(sha256("make\0dist/**"));
    }

    @Test
    void everyPartOfTheRecipeChangesItsHash() {
        Recipe base = RecipeJson.parse(GOOD, "a");
        assertThat(base.withSteps(List.of(new RecipeStep("package", "./mvnw -B -q package -DskipTests"))).hash()).isNotEqualTo(base.hash());
        assertThat(base.withEnv(Map.of("MAVEN_OPTS", "-Xmx2g")).hash()).isNotEqualTo(base.hash());
        assertThat(base.withCaches(List.of()).hash()).isNotEqualTo(base.hash());
        assertThat(base.withArtifactGlobs(List.of("target/app.jar")).hash()).isNotEqualTo(base.hash());
        assertThat(RecipeJson.parse(GOOD, "b").hash()).isEqualTo(base.hash());
    }

    @Test
    void aSyntaxErrorNamesTheLineAndColumn() {
        String bad = "{\n  \"steps\": [\n    {\"name\": \"test\", \"run\": \"make test\"}\n  ]\n  \"artifacts\": [\"dist/**\"]\n}\n";
        assertThatThrownBy(() -> RecipeJson.parse(bad, "stageboard.json of commit abc1234"))
                .isInstanceOfSatisfying(RecipeJson.RecipeFileException.class, e -> {
                    assertThat(e.line()).isEqualTo(5);
                    assertThat(e.column()).isEqualTo(3);
                })
                .hasMessageStartingWith("stageboard.json of commit abc1234, line 5, column 3: ");
    }

    @Test
    void anUnknownKeyAWrongTypeOrABadStepNamesWhereItIs() {
        assertThatThrownBy(() -> RecipeJson.parse("{\n  \"step\": [],\n  \"artifacts\": [\"**\"]\n}", "stageboard.json"))
                .hasMessageContaining("line 2, column 3").hasMessageContaining("unknown key \"step\"");
        assertThatThrownBy(() -> RecipeJson.parse("{\"steps\": [{\"name\": \"t\", \"run\": 3}], \"artifacts\": [\"**\"]}", "stageboard.json"))
                .hasMessageContaining("line 1, column 33").hasMessageContaining("\"run\" must be a string");
        assertThatThrownBy(() -> RecipeJson.parse("{\"steps\": [\n {\"name\": \"Test!\", \"run\": \"make\"}], \"artifacts\": [\"**\"]}", "stageboard.json"))
                .hasMessageContaining("line 2, column 2").hasMessageContaining("'Test!' is not a valid step name");
        assertThatThrownBy(() -> RecipeJson.parse("{\"steps\": [{\"name\": \"a\", \"run\": \"x\"}, {\"name\": \"a\", \"run\": \"y\"}],"
                + " \"artifacts\": [\"**\"]}", "stageboard.json")).hasMessageContaining("two steps are named 'a'");
        assertThatThrownBy(() -> RecipeJson.parse("{\"command\": \"make\", \"artifacts\": [\"**\"],\n \"caches\": [\"../escape\"]}", "stageboard.json"))
                .hasMessageContaining("line 2, column 13").hasMessageContaining("not a valid cache folder");
        assertThatThrownBy(() -> RecipeJson.parse("{\"command\": \"make\", \"artifacts\": [\"**\"], \"env\": {\"HOME\": \"/tmp\"}}", "stageboard.json"))
                .hasMessageContaining("may not set HOME");
        assertThatThrownBy(() -> RecipeJson.parse("{\"command\": \"make\"}", "stageboard.json"))
                .hasMessageContaining("line 1, column 1").hasMessageContaining("no \"artifacts\"");
        assertThatThrownBy(() -> RecipeJson.parse("[1]", "stageboard.json")).hasMessageContaining("one JSON object");
    }

    private static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
