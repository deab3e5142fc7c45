package org.stageboard.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stageboard.core.CommitInfo;
import org.stageboard.core.Progress;
import org.stageboard.core.StageboardException;
import org.stageboard.testing.GitFixture;

class GitRepositoryTest {

    @TempDir
    Path tmp;

    @Test
    void listsTheCommitsOfABranchNewestFirst() {
        try (GitFixture repo = GitFixture.init(tmp.resolve("repo"))) {
            String first = repo.write("a.txt", "1").commit("first\n\nwith a body");
            String second = repo.write("a.txt", "2").commit("second");
            try (GitRepository git = GitRepository.open(repo.dir())) {
                List<CommitInfo> commits = git.commits("main", 10);
                assertThat(commits).extracting(CommitInfo::sha).containsExactly(second, first);
                assertThat(commits.get(1).subject()).isEqualTo("first");
                assertThat(commits.get(1).author()).isEqualTo("Ada Lovelace");
                assertThat(git.commits("main", 1)).hasSize(1);
                assertThat(git.currentBranch()).isEqualTo("main");
                assertThat(git.resolve(first.substring(0, 8)).sha()).isEqualTo(first);
                assertThat(git.resolve("main").sha()).isEqualTo(second);
            }
        }
    }

    @Test
    void aFolderThatIsNotARepositoryIsRefusedClearly() throws Exception {
        Path plain = Files.createDirectories(tmp.resolve("plain"));
        assertThatThrownBy(() -> GitRepository.open(plain))
                .isInstanceOf(StageboardException.class)
                .hasMessageContaining("is not a git repository");
        assertThatThrownBy(() -> GitRepository.open(tmp.resolve("missing")))
                .hasMessageContaining("does not exist");
    }

    @Test
    void anUnknownCommitIsRefusedClearly() {
        try (GitFixture repo = GitFixture.init(tmp.resolve("repo"))) {
            repo.write("a.txt", "1").commit("first");
            try (GitRepository git = GitRepository.open(repo.dir())) {
                assertThatThrownBy(() -> git.resolve("0123456789abcdef0123456789abcdef01234567"))
                        .isInstanceOf(StageboardException.class).hasMessageContaining("is not a commit");
                assertThatThrownBy(() -> git.resolve("no-such-branch")).hasMessageContaining("is not a commit");
                assertThatThrownBy(() -> git.commits("nope", 5)).hasMessageContaining("is not a branch");
            }
        }
    }

    @Test
    void exportsTheCommitsTreeNotTheWorkingTree() throws Exception {
        try (GitFixture repo = GitFixture.init(tmp.resolve("repo"))) {
            repo.write("src/app.txt", "committed").write("run.sh", "#!/bin/sh\necho hi\n");
            String sha = repo.commit("app");
            Files.setPosixFilePermissions(repo.dir().resolve("run.sh"), java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
            String sha2 = repo.commit("make run.sh executable");
            // uncommitted edits and untracked files must not leak into a build
            repo.write("src/app.txt", "edited but not committed").write("untracked.txt", "x");
            try (GitRepository git = GitRepository.open(repo.dir())) {
                Path out = tmp.resolve("export");
                int files = git.export(sha2, out, Progress.NONE);
                assertThat(files).isEqualTo(2);
                assertThat(Files.readString(out.resolve("src/app.txt"))).isEqualTo("committed");
                assertThat(out.resolve("untracked.txt")).doesNotExist();
                assertThat(out.resolve(".git")).doesNotExist();
                assertThat(Files.isExecutable(out.resolve("run.sh"))).isTrue();
                assertThat(git.treeId(sha)).isNotEqualTo(git.treeId(sha2));
            }
        }
    }
}
