package org.stageboard.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.stageboard.ssh.ExecResult;

/** Output framing: what a login shell prints around a command never reaches a parser. */
class RemoteShellFramingTest {

    @Test
    void aBannerBeforeAndNoiseAfterAreCutAwayAndTheScriptsExitCodeIsKept() {
        String begin = "@@b@@";
        String end = "@@e@@";
        ExecResult raw = new ExecResult(0, "Welcome to Ubuntu!\n * motd\n" + begin + "\n1234\n" + "\n" + end + " 3\nbye\n",
                "bashrc: warning\n" + begin + "\nreal error\n\n" + end + "\n");

        ExecResult result = RemoteShell.unframe(raw, begin, end, "host");

        assertThat(result.stdout()).isEqualTo("1234\n");
        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.stderr().strip()).isEqualTo("real error");
    }

    @Test
    void aScriptThatNeverFinishedIsAFailureEvenIfTheChannelSaidZero() {
        ExecResult result = RemoteShell.unframe(new ExecResult(0, "banner\n@@b@@\npartial", ""), "@@b@@", "@@e@@", "host");
        assertThat(result.ok()).isFalse();
        assertThat(result.stdout()).isEqualTo("partial");
    }
}
