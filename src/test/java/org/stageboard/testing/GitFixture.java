package org.stageboard.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;

/** A real git repository made by a test with JGit: write files, commit them. */
public final class GitFixture implements AutoCloseable {

    private final Path dir;
    private final Git git;

    private GitFixture(Path dir, Git git) {
        this.dir = dir;
        this.git = git;
    }

    public static GitFixture init(Path dir) {
        try {
            Files.createDirectories(dir);
            return new GitFixture(dir, Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call());
        } catch (IOException | GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    public Path dir() {
        return dir;
    }

    public GitFixture write(String path, String content) {
        try {
            Path file = dir.resolve(path);
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
            return this;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public GitFixture copyResource(String resource, String path) {
        try (var in = GitFixture.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no resource " + resource);
            }
            return write(path, new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Adds every file and commits; returns the full SHA. */
    public String commit(String message) {
        try {
            git.add().addFilepattern(".").call();
            git.add().addFilepattern(".").setUpdate(true).call();
            PersonIdent who = new PersonIdent("Ada Lovelace", "ada@example.org");
            RevCommit c = git.commit().setMessage(message).setAuthor(who).setCommitter(who).setSign(false).call();
            return c.name();
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    public String commitFiles(String message, Map<String, String> files) {
        files.forEach(this::write);
        return commit(message);
    }

    @Override
    public void close() {
        git.close();
    }
}
