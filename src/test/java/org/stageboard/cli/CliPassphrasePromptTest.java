package org.stageboard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stageboard.release.SecretBox;

/**
 * Passphrases the CLI asks for at a terminal when they are not in the environment: the one that
 * seals the catalog's secrets ($STAGEBOARD_PASSPHRASE) and a host key's (asked again after a wrong
 * one). Without a terminal the error says which variable to set. The terminal here is a scripted
 * stand-in for the console (a test has none); the catalog, the key and the SSH server are real.
 */
class CliPassphrasePromptTest {

    @TempDir
    Path tmp;

    private CliHarness h;

    @AfterEach
    void close() {
        if (h != null) {
            h.close();
        }
    }

    /** Answers prompts in order and records them. */
    private static final class ScriptedTerminal implements CliContext.Terminal {
        final Deque<String> answers;
        final List<String> prompts = new ArrayList<>();

        ScriptedTerminal(String... answers) {
            this.answers = new ArrayDeque<>(List.of(answers));
        }

        @Override
        public char[] readPassword(String prompt) {
            prompts.add(prompt);
            String next = answers.poll();
            return next == null ? null : next.toCharArray();
        }
    }

    @Test
    void theSecretsPassphraseIsAskedAtATerminalAndWithoutOneTheErrorSaysToSetTheVariable() {
        h = CliHarness.start(tmp);
        // This catalog's secrets are sealed with a key derived from a passphrase the user chose.
        SecretBox.open(h.home.secretKey(), h.home.passphraseFile(), "tiger lily".toCharArray()).seal("check");
        h.ok("project", "add", "demo", "--repo", tmp.resolve("repo").toString(), "--build-command", "true", "--artifacts", "Server.java");
        h.ok("env", "add", "staging", "--start", "java Server.java", "--health", "http://127.0.0.1:8080/health");

        CliHarness.Result noTerminal = h.cli("config", "set", "-e", "staging", "--secret", "DB_PASSWORD=hunter2");
        assertThat(noTerminal.code()).isEqualTo(StageboardCli.FAILED);
        assertThat(noTerminal.err()).contains("protected by a passphrase").contains("set STAGEBOARD_PASSPHRASE");

        ScriptedTerminal wrong = new ScriptedTerminal("daisy");
        CliHarness.Result refused = h.cliAtTerminal(wrong, "config", "set", "-e", "staging", "--secret", "DB_PASSWORD=hunter2");
        assertThat(refused.code()).isEqualTo(StageboardCli.FAILED);
        assertThat(wrong.prompts).hasSize(1).allSatisfy(p -> assertThat(p).startsWith("Passphrase of Stageboard's secrets"));
        assertThat(refused.err()).contains("is not the one this catalog's secrets were sealed with");

        ScriptedTerminal right = new ScriptedTerminal("tiger lily");
        CliHarness.Result set = h.cliAtTerminal(right, "config", "set", "-e", "staging", "--secret", "DB_PASSWORD=hunter2", "PORT=8080");
        assertThat(set.code()).as(set.all()).isZero();
        assertThat(right.prompts).hasSize(1);
        CliHarness.Result shown = h.cliAtTerminal(new ScriptedTerminal("tiger lily"), "config", "show", "-e", "staging");
        assertThat(shown.out()).contains("DB_PASSWORD").contains("PORT").doesNotContain("hunter2");

        ScriptedTerminal unused = new ScriptedTerminal("tiger lily");
        h.cliAtTerminal(unused, "env", "list");
        assertThat(unused.prompts).as("asked only when a secret is used").isEmpty();
    }

    @Test
    void aHostKeysPassphraseIsAskedAtATerminalAgainAfterAWrongOne() {
        h = CliHarness.start(tmp).withStagingV1(30);
        Path key = h.server.newAuthorizedKeyWithPassphrase("correct horse");
        h.ok("host", "edit", "vps1", "--key", key.toString());

        ScriptedTerminal terminal = new ScriptedTerminal("battery staple", "correct horse");
        CliHarness.Result lock = h.cliAtTerminal(terminal, "lock", "show", "-e", "staging");
        assertThat(lock.code()).as(lock.all()).isZero();
        assertThat(terminal.prompts).hasSize(2).allSatisfy(p -> assertThat(p).isEqualTo("Passphrase for " + key + " (host vps1): "));
        assertThat(lock.err()).contains("wrong passphrase: it does not open " + key + "; try again.");

        ScriptedTerminal cancelled = new ScriptedTerminal();
        CliHarness.Result none = h.cliAtTerminal(cancelled, "lock", "show", "-e", "staging");
        assertThat(cancelled.prompts).hasSize(1);
        assertThat(none.err()).as("no answer: the connection says how to give it").contains("has a passphrase").contains("STAGEBOARD_KEY_PASSPHRASE");
    }
}
