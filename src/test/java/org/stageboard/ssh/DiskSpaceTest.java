package org.stageboard.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import net.schmizz.sshj.sftp.Response.StatusCode;
import net.schmizz.sshj.sftp.SFTPException;
import org.junit.jupiter.api.Test;

/** Reading df output, and telling a full disk from other bare SFTP failures (OpenSSH says only "Failure"). */
class DiskSpaceTest {

    private static final SshTarget TARGET = new SshTarget("vps1", 22, "deploy", Path.of("key"), Path.of("kh"), Duration.ofSeconds(5));

    @Test
    void readsTheAvailableColumnEvenAfterABanner() {
        String df = "Welcome to vps1 (3 updates: 1 2 3 4 5)\n"
                + "Filesystem     1024-blocks    Used Available Capacity Mounted on\n"
                + "/dev/vda1          20509264 20492880         0     100% /\n";

        assertThat(DiskSpace.availableKb(df)).hasValue(0);
        assertThat(DiskSpace.availableKb("Filesystem 1024-blocks Used Available Capacity Mounted on\n"
                + "/dev/mapper/vg-srv 102400 2048 100352 2% /srv\n")).hasValue(100352);
        assertThat(DiskSpace.availableKb("df: /nope: No such file or directory\n")).isEmpty();
        assertThat(DiskSpace.command("/srv/my app")).isEqualTo("df -Pk -- '/srv/my app'");
    }

    @Test
    void aBareFailureOnADiskWithNothingFreeIsAFullDisk() {
        List<String> asked = new ArrayList<>();
        SFTPException failure = new SFTPException(StatusCode.FAILURE, "Failure");

        var cause = Failures.writeCause(TARGET, "/srv/a/artifacts/x.tar.gz", failure, command -> {
            asked.add(command);
            return new ExecResult(0, "Filesystem 1024-blocks Used Available Capacity Mounted on\n/dev/vda1 100 100 0 100% /\n", "");
        });

        assertThat(asked).containsExactly("df -Pk -- '/srv/a/artifacts'");
        assertThat(cause).hasValueSatisfying(e -> assertThat(e.getMessage())
                .startsWith("The disk of deploy@vps1 is full").contains("(0 KB free there)"));
    }

    @Test
    void aBareFailureWithSpaceLeftIsNotCalledAFullDisk() {
        SFTPException failure = new SFTPException(StatusCode.FAILURE, "Failure");

        var cause = Failures.writeCause(TARGET, "/srv/a/x", failure, command ->
                new ExecResult(0, "Filesystem 1024-blocks Used Available Capacity Mounted on\n/dev/vda1 100000 1000 99000 1% /\n", ""));

        assertThat(cause).isEmpty();
    }

    @Test
    void permissionAndMissingFolderNeedNoQuestionToTheHost() {
        var denied = Failures.writeCause(TARGET, "/srv/a/x", new SFTPException(StatusCode.PERMISSION_DENIED, "Permission denied"),
                command -> {
                    throw new AssertionError("no command expected");
                });
        var missing = Failures.writeCause(TARGET, "/srv/a/x", new SFTPException(StatusCode.NO_SUCH_FILE, "No such file"),
                command -> {
                    throw new AssertionError("no command expected");
                });

        assertThat(denied).hasValueSatisfying(e -> assertThat(e.getMessage()).startsWith("Permission denied writing /srv/a/x on deploy@vps1"));
        assertThat(missing).hasValueSatisfying(e -> assertThat(e.getMessage()).startsWith("The folder /srv/a does not exist on deploy@vps1"));
    }

    @Test
    void sizesAreShortAndDecimal() {
        assertThat(Failures.size(12_345_678)).isEqualTo("12.3 MB");
        assertThat(Failures.size(60_000_000)).isEqualTo("60.0 MB");
        assertThat(Failures.size(999)).isEqualTo("999 B");
    }
}
