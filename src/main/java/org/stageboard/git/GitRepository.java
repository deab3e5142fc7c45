package org.stageboard.git;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.eclipse.jgit.errors.AmbiguousObjectException;
import org.eclipse.jgit.errors.RevisionSyntaxException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.stageboard.core.CommitInfo;
import org.stageboard.core.Progress;
import org.stageboard.core.StageboardException;

/**
 * A local git repository read through JGit: its commits, and the export of one commit's tree
 * (never the working tree) into a folder. Open with {@link #open(Path)}; close after use.
 */
public final class GitRepository implements AutoCloseable {

    private final Path folder;
    private final Repository repository;

    private GitRepository(Path folder, Repository repository) {
        this.folder = folder;
        this.repository = repository;
    }

    /** Opens the repository at the folder; a clear error if the folder is missing or not a git repository. */
    public static GitRepository open(Path folder) {
        Path dir = folder.toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            throw new StageboardException("The folder " + dir + " does not exist: choose the folder of a local git repository.");
        }
        FileRepositoryBuilder builder = new FileRepositoryBuilder().setMustExist(true);
        if (Files.isDirectory(dir.resolve(".git"))) {
            builder.setWorkTree(dir.toFile());
        } else if (Files.isRegularFile(dir.resolve("HEAD")) && Files.isDirectory(dir.resolve("objects"))) {
            builder.setGitDir(dir.toFile());
        } else {
            throw new StageboardException("The folder " + dir + " is not a git repository (it has no .git folder): "
                    + "choose the top folder of a repository, or run 'git init' there and commit first.");
        }
        try {
            return new GitRepository(dir, builder.build());
        } catch (IOException | IllegalArgumentException e) {
            throw new StageboardException("Could not open the git repository at " + dir + ": " + e.getMessage(), e);
        }
    }

    public Path folder() {
        return folder;
    }

    /** True if the branch exists (as a local branch, or as any ref name). */
    public boolean hasBranch(String branch) {
        try {
            return repository.findRef(branch) != null;
        } catch (IOException e) {
            throw new StageboardException("Could not read branch '" + branch + "' in " + folder + ": " + e.getMessage(), e);
        }
    }

    /** The repository's current branch name (e.g. main), or null when HEAD is detached or unborn. */
    public String currentBranch() {
        try {
            Ref head = repository.exactRef(Constants.HEAD);
            if (head == null || !head.isSymbolic()) {
                return null;
            }
            return Repository.shortenRefName(head.getTarget().getName());
        } catch (IOException e) {
            throw new StageboardException("Could not read HEAD of " + folder + ": " + e.getMessage(), e);
        }
    }

    /** The newest commits reachable from the branch, newest first. */
    public List<CommitInfo> commits(String branch, int limit) {
        ObjectId start = resolveId(branch, "branch");
        List<CommitInfo> commits = new ArrayList<>();
        try (RevWalk walk = new RevWalk(repository)) {
            walk.markStart(walk.parseCommit(start));
            for (RevCommit c : walk) {
                if (commits.size() >= limit) {
                    break;
                }
                commits.add(info(c));
            }
        } catch (IOException e) {
            throw new StageboardException("Could not list the commits of '" + branch + "': " + e.getMessage(), e);
        }
        return commits;
    }

    /** Resolves a SHA (full or abbreviated), branch or tag to its commit; a clear error if unknown. */
    public CommitInfo resolve(String commitish) {
        ObjectId id = resolveId(commitish, "commit");
        try (RevWalk walk = new RevWalk(repository)) {
            return info(walk.parseCommit(id));
        } catch (IOException e) {
            throw new StageboardException("'" + commitish + "' is not a commit in " + folder + ".", e);
        }
    }

    /** The id of the commit's root tree: two commits with the same tree build the same thing. */
    public String treeId(String commitSha) {
        try (RevWalk walk = new RevWalk(repository)) {
            return walk.parseCommit(ObjectId.fromString(commitSha)).getTree().name();
        } catch (IOException | IllegalArgumentException e) {
            throw new StageboardException("Unknown commit " + commitSha + " in " + folder + ".", e);
        }
    }

    /**
     * Writes the files of the commit's tree into {@code target} (which must be empty or absent):
     * regular and executable files, and symbolic links; submodules are skipped with a log line.
     * Returns the number of files written.
     */
    public int export(String commitSha, Path target, Progress progress) {
        try {
            Files.createDirectories(target);
            try (var entries = Files.list(target)) {
                if (entries.findAny().isPresent()) {
                    throw new StageboardException("Export folder " + target + " is not empty.");
                }
            }
            int count = 0;
            try (RevWalk walk = new RevWalk(repository); TreeWalk tree = new TreeWalk(repository)) {
                RevCommit commit = walk.parseCommit(ObjectId.fromString(commitSha));
                tree.addTree(commit.getTree());
                tree.setRecursive(true);
                while (tree.next()) {
                    progress.checkCancelled();
                    Path file = target.resolve(tree.getPathString()).normalize();
                    if (!file.startsWith(target)) {
                        throw new StageboardException("The commit has a path outside its tree: " + tree.getPathString());
                    }
                    FileMode mode = tree.getFileMode(0);
                    Files.createDirectories(file.getParent());
                    ObjectId blob = tree.getObjectId(0);
                    if (mode == FileMode.GITLINK) {
                        progress.log("skipped submodule " + tree.getPathString());
                        continue;
                    }
                    ObjectLoader loader = repository.open(blob);
                    if (mode == FileMode.SYMLINK) {
                        Files.createSymbolicLink(file, Path.of(new String(loader.getBytes(), java.nio.charset.StandardCharsets.UTF_8)));
                    } else {
                        try (InputStream in = loader.openStream(); OutputStream out = Files.newOutputStream(file)) {
                            in.transferTo(out);
                        }
                        if (mode == FileMode.EXECUTABLE_FILE) {
                            makeExecutable(file);
                        }
                    }
                    count++;
                }
            }
            return count;
        } catch (IOException e) {
            throw new StageboardException("Could not export commit " + commitSha + " to " + target + ": " + e.getMessage(), e);
        }
    }

    private static void makeExecutable(Path file) throws IOException {
        try {
            Set<PosixFilePermission> perms = EnumSet.copyOf(Files.getPosixFilePermissions(file));
            perms.add(PosixFilePermission.OWNER_EXECUTE);
            perms.add(PosixFilePermission.GROUP_EXECUTE);
            perms.add(PosixFilePermission.OTHERS_EXECUTE);
            Files.setPosixFilePermissions(file, perms);
        } catch (UnsupportedOperationException e) {
            file.toFile().setExecutable(true);
        }
    }

    private ObjectId resolveId(String commitish, String what) {
        if (commitish == null || commitish.isBlank()) {
            throw new StageboardException("No " + what + " given: name a commit SHA, branch or tag.");
        }
        try {
            ObjectId id = repository.resolve(commitish.strip() + "^{commit}");
            if (id == null) {
                throw new StageboardException("'" + commitish + "' is not a " + what + " of the repository " + folder
                        + ": check the SHA, branch or tag (list commits with 'stageboard commits').");
            }
            return id;
        } catch (AmbiguousObjectException e) {
            throw new StageboardException("'" + commitish + "' matches several commits: give more characters of the SHA.", e);
        } catch (RevisionSyntaxException | IOException e) {
            throw new StageboardException("'" + commitish + "' is not a " + what + " of the repository " + folder + ": " + e.getMessage(), e);
        }
    }

    private static CommitInfo info(RevCommit c) {
        return new CommitInfo(c.name(), c.getAuthorIdent().getName(), c.getAuthorIdent().getEmailAddress(),
                Instant.ofEpochSecond(c.getCommitTime()), c.getFullMessage());
    }

    @Override
    public void close() {
        repository.close();
    }
}
