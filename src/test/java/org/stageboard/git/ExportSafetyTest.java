package org.stageboard.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.TreeFormatter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stageboard.core.Progress;
import org.stageboard.core.StageboardException;
import org.stageboard.testing.GitFixture;
import org.stageboard.testing.RecordingProgress;

/**
 * Exports of crafted repositories (trees written object by object, as no porcelain would): every
 * entry that would land outside the export folder on some OS is refused and nothing lands outside.
 */
class ExportSafetyTest {

    @TempDir
    Path tmp;

    /** Writes a commit whose root tree is made by {@code tree} and points main at it; returns its SHA. */
    private String craft(Path dir, TreeMaker tree) throws Exception {
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            Repository repo = git.getRepository();
            try (ObjectInserter in = repo.newObjectInserter()) {
                ObjectId root = tree.make(in);
                CommitBuilder commit = new CommitBuilder();
                PersonIdent who = new PersonIdent("Mallory", "m@example.org");
                commit.setAuthor(who);
                commit.setCommitter(who);
                commit.setMessage("crafted");
                commit.setTreeId(root);
                ObjectId id = in.insert(commit);
                in.flush();
                RefUpdate ref = repo.updateRef("refs/heads/main");
                ref.setNewObjectId(id);
                ref.forceUpdate();
                return id.name();
            }
        }
    }

    @FunctionalInterface
    interface TreeMaker {
        ObjectId make(ObjectInserter in) throws Exception;
    }

    private static ObjectId blob(ObjectInserter in, String text) throws Exception {
        return in.insert(Constants.OBJ_BLOB, text.getBytes(StandardCharsets.UTF_8));
    }

    private static ObjectId tree(ObjectInserter in, Object... nameModeId) throws Exception {
        TreeFormatter f = new TreeFormatter();
        for (int i = 0; i < nameModeId.length; i += 3) {
            f.append((String) nameModeId[i], (FileMode) nameModeId[i + 1], (ObjectId) nameModeId[i + 2]);
        }
        return in.insert(f);
    }

    private void assertRefused(String name, TreeMaker maker, String entry) throws Exception {
        Path base = tmp.resolve(name);
        Path repoDir = base.resolve("repo");
        String sha = craft(repoDir, maker);
        Path out = base.resolve("a/b/export");
        try (GitRepository git = GitRepository.open(repoDir)) {
            assertThatThrownBy(() -> git.exportTree(sha, out, Progress.NONE))
                    .isInstanceOf(StageboardException.class)
                    .hasMessageContaining("outside the build folder")
                    .hasMessageContaining(entry);
        }
        try (Stream<Path> files = Files.walk(base.resolve("a"))) {
            assertThat(files.filter(p -> p.getFileName().toString().contains("evil"))).as("nothing written outside").isEmpty();
        }
    }

    @Test
    void aDotDotFolderIsRefused() throws Exception {
        assertRefused("dotdot", in -> tree(in, "..", FileMode.TREE, tree(in, "evil.txt", FileMode.REGULAR_FILE, blob(in, "pwned"))),
                "../evil.txt");
    }

    @Test
    void aNameWithSlashesAndDotDotIsRefused() throws Exception {
        assertRefused("slashes", in -> tree(in, "x/../../evil.txt", FileMode.REGULAR_FILE, blob(in, "pwned")), "x/../../evil.txt");
    }

    @Test
    void aBackslashThatIsAFolderSeparatorOnWindowsIsRefused() throws Exception {
        assertRefused("backslash", in -> tree(in, "..\\evil.txt", FileMode.REGULAR_FILE, blob(in, "pwned")), "backslash");
    }

    @Test
    void aDriveLetterIsRefused() throws Exception {
        assertRefused("drive", in -> tree(in, "C:evil.txt", FileMode.REGULAR_FILE, blob(in, "pwned")), "drive letter");
    }

    @Test
    void symbolicLinksThatLeadOutOrAreAbsoluteAreRefused() throws Exception {
        assertRefused("link-out", in -> tree(in, "evil-link", FileMode.SYMLINK, blob(in, "../../..")), "leads outside");
        assertRefused("link-abs", in -> tree(in, "evil-link", FileMode.SYMLINK, blob(in, "/etc")), "absolute");
        assertRefused("link-nested", in -> tree(in, "sub", FileMode.TREE, tree(in, "evil-link", FileMode.SYMLINK, blob(in, "../.."))),
                "sub/evil-link");
    }

    @Test
    void writingThroughALinkIsRefusedEvenWithAnotherCase() throws Exception {
        // "A" links to a folder outside; "a/evil.txt" would be written through it on a case-insensitive file system.
        assertRefused("through-link", in -> tree(in,
                "A", FileMode.SYMLINK, blob(in, "inside"),
                "a", FileMode.TREE, tree(in, "evil.txt", FileMode.REGULAR_FILE, blob(in, "pwned")),
                "inside", FileMode.TREE, tree(in, "keep.txt", FileMode.REGULAR_FILE, blob(in, "ok"))), "symbolic link A");
    }

    @Test
    void linksInsideTheFolderSubmodulesAndLfsPointersAreExportedOrReported() throws Exception {
        Path repoDir = tmp.resolve("fine");
        String lfs = "version https://git-lfs.github.com/spec/v1\noid sha256:" + "a".repeat(64) + "\nsize 12345\n";
        String sha = craft(repoDir, in -> tree(in,
                "docs", FileMode.TREE, tree(in, "current", FileMode.SYMLINK, blob(in, "../lib/readme.txt")),
                "lib", FileMode.TREE, tree(in, "readme.txt", FileMode.REGULAR_FILE, blob(in, "hello"),
                        "video.mp4", FileMode.REGULAR_FILE, blob(in, lfs)),
                "vendor", FileMode.GITLINK, ObjectId.fromString("0123456789abcdef0123456789abcdef01234567")));
        Path out = tmp.resolve("fine-export");
        RecordingProgress progress = new RecordingProgress();
        ExportReport report;
        try (GitRepository git = GitRepository.open(repoDir)) {
            report = git.exportTree(sha, out, progress);
        }
        assertThat(report.files()).isEqualTo(3);
        assertThat(Files.readString(out.resolve("docs/current"))).isEqualTo("hello");
        assertThat(report.submodules()).containsExactly("vendor");
        assertThat(report.lfsPointers()).containsExactly("lib/video.mp4");
        assertThat(report.notes()).hasSize(2);
        assertThat(report.notes().get(0)).contains("1 submodule not exported").contains("vendor");
        assertThat(report.notes().get(1)).contains("Git LFS pointer").contains("lib/video.mp4");
        assertThat(progress.all()).contains("submodule vendor").contains("Git LFS pointers");
    }

    @Test
    void anOrdinaryRepositoryExportsAsBefore() throws Exception {
        try (GitFixture repo = GitFixture.init(tmp.resolve("ordinary"))) {
            String sha = repo.write("a/b/c.txt", "c").write("d.txt", "d").commit("two files");
            try (GitRepository git = GitRepository.open(repo.dir())) {
                assertThat(git.exportTree(sha, tmp.resolve("ordinary-out"), Progress.NONE).files()).isEqualTo(2);
            }
            assertThat(Files.readString(tmp.resolve("ordinary-out/a/b/c.txt"))).isEqualTo("c");
        }
    }
}
