package org.stageboard.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ShellQuoteTest {

    @Test
    void wrapsInSingleQuotes() {
        assertThat(ShellQuote.quote("abc")).isEqualTo("'abc'");
        assertThat(ShellQuote.quote("")).isEqualTo("''");
        assertThat(ShellQuote.quote("it's")).isEqualTo("'it'\\''s'");
    }

    @Test
    void refusesNull() {
        assertThatThrownBy(() -> ShellQuote.quote(null)).isInstanceOf(IllegalArgumentException.class);
    }

    /** The real proof: /bin/sh prints back exactly the value, whatever it holds. */
    @ParameterizedTest
    @ValueSource(strings = {"plain", "two words", "it's", "'", "''", "$(touch /tmp/stageboard-pwned)", "`id`", "$HOME",
            "a\nb\nc", "trailing newline\n", "\\ back\\slash", "semi; colon && amp | pipe > redirect", "*", "-n", "\"double\"",
            "tab\there", "ünïcödé €", "!bang", ""})
    void shellSeesTheValueLiterally(String value) throws Exception {
        Process sh = new ProcessBuilder("/bin/sh", "-c", "printf '%s' " + ShellQuote.quote(value)).start();
        String printed = new String(sh.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(sh.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(sh.exitValue()).isZero();
        assertThat(printed).isEqualTo(value);
    }
}
