package org.stageboard.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stageboard.core.StageboardException;

class EnvFileTest {

    @Test
    void quotesEveryValue() {
        assertThat(EnvFile.format(Map.of("B", "two words", "A", "it's"))).isEqualTo("A='it'\\''s'\nB='two words'\n");
    }

    @Test
    void shLoadsTheValuesExactlyAndRunsNothing(@TempDir Path dir) throws Exception {
        String tricky = "it's $(touch pwned) `touch pwned2` $HOME\nsecond line; rm -rf /";
        Files.writeString(dir.resolve(".env"), EnvFile.format(Map.of("TRICKY", tricky, "PLAIN", "x")));

        Process sh = new ProcessBuilder("/bin/sh", "-c", "set -a && . ./.env && set +a && sh -c 'printf %s \"$TRICKY\"'")
                .directory(dir.toFile()).start();
        String printed = new String(sh.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(sh.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(printed).isEqualTo(tricky);
        assertThat(dir.resolve("pwned")).doesNotExist();
        assertThat(dir.resolve("pwned2")).doesNotExist();
    }

    @Test
    void refusesAKeyThatIsNoVariableNameWithoutShowingTheValue() {
        assertThatThrownBy(() -> EnvFile.format(Map.of("BAD-KEY", "hunter2-secret")))
                .isInstanceOf(StageboardException.class)
                .hasMessageContaining("BAD-KEY")
                .hasMessageNotContaining("hunter2-secret");
    }
}
