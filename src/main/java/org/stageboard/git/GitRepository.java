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
import org.eclipse.jgit.lib.ObjectReader;
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

    /** The local branches' short names (e.g. main), sorted; empty for a repository without commits. */
    public List<String> branches() {
        try {
            List<String> names = new ArrayList<>();
            for (Ref ref : repository.getRefDatabase().getRefsByPrefix(Constants.R_HEADS)) {
                names.add(Repository.shortenRefName(ref.getName()));
            }
            names.sort(null);
            return names;
        } catch (IOException e) {
            throw new StageboardException("Could not list the branches of " + folder + ": " + e.getMessage(), e);
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

    /**
     * The commits reachable from {@code to} but not from {@code from}, newest first, at most
     * {@code limit}: what going from one commit to the other brings (empty when {@code to} is
     * {@code from} or an ancestor of it).
     */
    public List<CommitInfo> commitsBetween(String from, String to, int limit) {
        ObjectId fromId = resolveId(from, "commit");
        ObjectId toId = resolveId(to, "commit");
        List<CommitInfo> commits = new ArrayList<>();
        try (RevWalk walk = new RevWalk(repository)) {
            walk.markStart(walk.parseCommit(toId));
            walk.markUninteresting(walk.parseCommit(fromId));
            for (RevCommit c : walk) {
                if (commits.size() >= limit) {
                    break;
                }
                commits.add(info(c));
            }
        } catch (IOException e) {
            throw new StageboardException("Could not list the commits between " + from + " and " + to + ": " + e.getMessage(), e);
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
     * regular and executable files, and symbolic links. Returns the number of files written.
     * See {@link #exportTree}.
     */
    public int export(String commitSha, Path target, Progress progress) {
        return exportTree(commitSha, target, progress).files();
    }

    /**
     * Writes the files of the commit's tree into {@code target} (which must be empty or absent):
     * regular and executable files, and symbolic links. Submodules and Git LFS pointer files are
     * reported (log lines and the returned report), not silently skipped. Refuses, before writing
     * it, any entry that would land outside {@code target} on some operating system: a name that
     * is {@code ..}, {@code .} or empty, has a backslash or a drive letter, a symbolic link whose
     * target is absolute or leads outside the folder, and a path through a symbolic link.
     */
    public ExportReport exportTree(String commitSha, Path target, Progress progress) {
        Path root = target.toAbsolutePath().normalize();
        try {
            Files.createDirectories(root);
            try (var entries = Files.list(root)) {
                if (entries.findAny().isPresent()) {
                    throw new StageboardException("Export folder " + root + " is not empty.");
                }
            }
            int count = 0;
            List<String> submodules = new ArrayList<>();
            List<String> lfs = new ArrayList<>();
            Set<Path> folders = new java.util.HashSet<>();
            folders.add(root);
            java.util.Map<String, String> links = new java.util.HashMap<>();
            // This thread walks the tree and inflates the blobs; small files are written by a second
            // thread meanwhile (as `git archive | tar -x` overlaps its two processes).
            try (FileWriters writers = new FileWriters();
                 RevWalk walk = new RevWalk(repository); TreeWalk tree = new TreeWalk(repository)) {
                RevCommit commit = walk.parseCommit(ObjectId.fromString(commitSha));
                tree.addTree(commit.getTree());
                tree.setRecursive(true);
                ObjectReader reader = tree.getObjectReader();
                while (tree.next()) {
                    if ((count & 63) == 0) {
                        progress.checkCancelled();
                        writers.rethrow();
                    }
                    String name = tree.getPathString();
                    Path file = safePath(root, name, links);
                    FileMode mode = tree.getFileMode(0);
                    Path parent = file.getParent();
                    if (folders.add(parent)) {
                        Files.createDirectories(parent);
                    }
                    if (mode == FileMode.GITLINK) {
                        Files.createDirectories(file);
                        submodules.add(name);
                        progress.log("submodule " + name + " (commit " + tree.getObjectId(0).name().substring(0, 7)
                                + ") is not exported: its folder is left empty");
                        continue;
                    }
                    ObjectLoader loader = reader.open(tree.getObjectId(0));
                    if (mode == FileMode.SYMLINK) {
                        String linkTarget = new String(loader.getCachedBytes(), java.nio.charset.StandardCharsets.UTF_8);
                        checkLink(root, file, name, linkTarget);
                        writers.drain(); // a link is made only after every file before it is written
                        Files.createSymbolicLink(file, Path.of(linkTarget));
                        links.put(name.toLowerCase(java.util.Locale.ROOT), name);
                    } else if (mode == FileMode.REGULAR_FILE || mode == FileMode.EXECUTABLE_FILE) {
                        boolean executable = mode == FileMode.EXECUTABLE_FILE;
                        if (loader.isLarge() || loader.getSize() > FileWriters.SMALL) {
                            try (OutputStream out = Files.newOutputStream(file)) {
                                loader.copyTo(out);
                            }
                            if (executable) {
                                makeExecutable(file);
                            }
                        } else {
                            byte[] bytes = loader.getCachedBytes();
                            if (bytes.length < LFS_POINTER_MAX && isLfsPointer(bytes)) {
                                lfs.add(name);
                            }
                            writers.write(file, bytes, executable);
                        }
                    } else {
                        throw new StageboardException("The commit has an entry of an unknown kind (mode " + mode + ") at " + name + ".");
                    }
                    count++;
                }
                writers.drain();
            }
            if (!lfs.isEmpty()) {
                progress.log(lfs.size() + " file(s) are Git LFS pointers, exported as pointers: " + String.join(", ", lfs.subList(0, Math.min(5, lfs.size())))
                        + (lfs.size() > 5 ? ", ..." : ""));
            }
            return new ExportReport(count, submodules, lfs);
        } catch (IOException e) {
            throw new StageboardException("Could not export commit " + commitSha + " to " + root + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes small files on a second thread while the tree is walked; at most {@link #IN_FLIGHT}
     * bytes wait at a time. The first error is rethrown on the walking thread.
     */
    private static final class FileWriters implements AutoCloseable {
        static final int SMALL = 1 << 20;
        static final int IN_FLIGHT = 32 << 20;
        private final java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "export-writer");
            t.setDaemon(true);
            return t;
        });
        private final java.util.concurrent.Semaphore budget = new java.util.concurrent.Semaphore(IN_FLIGHT);
        private final java.util.concurrent.atomic.AtomicReference<IOException> failure = new java.util.concurrent.atomic.AtomicReference<>();

        void write(Path file, byte[] bytes, boolean executable) throws IOException {
            rethrow();
            int cost = Math.max(1, bytes.length);
            budget.acquireUninterruptibly(cost);
            pool.execute(() -> {
                try {
                    if (failure.get() == null) {
                        Files.write(file, bytes, java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE);
                        if (executable) {
                            makeExecutable(file);
                        }
                    }
                } catch (IOException e) {
                    failure.compareAndSet(null, e);
                } finally {
                    budget.release(cost);
                }
            });
        }

        /** Waits until every file handed over is written; rethrows the first error. */
        void drain() throws IOException {
            try {
                pool.submit(() -> { }).get(); // one thread, in order: when this runs, every write before it is done
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while writing the files", e);
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IOException(e.getCause());
            }
            rethrow();
        }

        void rethrow() throws IOException {
            IOException e = failure.get();
            if (e != null) {
                throw e;
            }
        }

        @Override
        public void close() {
            pool.shutdown();
            try {
                // on an error or a cancel, let the writes already handed over end before the folder is removed
                pool.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Git LFS pointers are under 1024 bytes. */
    private static final int LFS_POINTER_MAX = 1024;
    private static final byte[] LFS_PREFIX = "version https://git-lfs.github.com/spec/".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    static boolean isLfsPointer(byte[] bytes) {
        if (bytes.length < LFS_PREFIX.length) {
            return false;
        }
        for (int i = 0; i < LFS_PREFIX.length; i++) {
            if (bytes[i] != LFS_PREFIX[i]) {
                return false;
            }
        }
        return true;
    }

    /** The place of a tree entry under the root, or a refusal naming the entry when it could land elsewhere on some OS. */
    static Path safePath(Path root, String name, java.util.Map<String, String> links) {
        if (name.isEmpty() || name.startsWith("/") || name.indexOf('\\') >= 0 || name.indexOf('\0') >= 0) {
            throw escaping(name, name.indexOf('\\') >= 0 ? "it has a backslash, a folder separator on Windows" : "it is absolute or empty");
        }
        String[] parts = name.split("/", -1);
        StringBuilder prefix = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (part.isEmpty() || part.equals(".") || part.equals("..")) {
                throw escaping(name, "it has a '" + part + "' segment");
            }
            if (part.length() >= 2 && part.charAt(1) == ':' && Character.isLetter(part.charAt(0))) {
                throw escaping(name, "'" + part + "' starts with a drive letter");
            }
            if (i > 0) {
                prefix.append('/');
            }
            prefix.append(part);
            String link = i < parts.length - 1 ? links.get(prefix.toString().toLowerCase(java.util.Locale.ROOT)) : null;
            if (link != null) {
                throw escaping(name, "it would be written through the symbolic link " + link);
            }
        }
        Path file = root.resolve(name).normalize();
        if (!file.startsWith(root) || file.equals(root)) {
            throw escaping(name, "it resolves outside the folder");
        }
        return file;
    }

    /** Refuses a symbolic link that, followed, would lead outside the root. */
    static void checkLink(Path root, Path link, String name, String target) {
        if (target.isEmpty() || target.startsWith("/") || target.indexOf('\\') >= 0 || target.indexOf('\0') >= 0
                || (target.length() >= 2 && target.charAt(1) == ':' && Character.isLetter(target.charAt(0)))) {
            throw escaping(name, "it is a symbolic link to '" + target + "', an absolute or Windows path");
        }
        Path resolved = link.getParent().resolve(target).normalize();
        if (!resolved.startsWith(root)) {
            throw escaping(name, "it is a symbolic link to '" + target + "', which leads outside the folder");
        }
    }

    private static StageboardException escaping(String name, String why) {
        return new StageboardException("The commit has an entry that would be written outside the build folder: '" + name + "' (" + why
                + "). Nothing was built; fix the repository (remove or rename the entry) and commit again.");
    }

    /** The text of a file in the commit's tree, or empty when the commit has no such file. */
    public java.util.Optional<String> readFile(String commitSha, String path) {
        try (RevWalk walk = new RevWalk(repository)) {
            RevCommit commit = walk.parseCommit(ObjectId.fromString(commitSha));
            try (TreeWalk tw = TreeWalk.forPath(repository, path, commit.getTree())) {
                if (tw == null || (tw.getFileMode(0) != FileMode.REGULAR_FILE && tw.getFileMode(0) != FileMode.EXECUTABLE_FILE)) {
                    return java.util.Optional.empty();
                }
                return java.util.Optional.of(new String(tw.getObjectReader().open(tw.getObjectId(0)).getBytes(), java.nio.charset.StandardCharsets.UTF_8));
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new StageboardException("Could not read " + path + " of commit " + commitSha + " in " + folder + ": " + e.getMessage(), e);
        }
    }

    /** The paths of the files (and submodules) in the commit's tree, in tree order. */
    public List<String> paths(String commitSha) {
        List<String> paths = new ArrayList<>();
        try (RevWalk walk = new RevWalk(repository); TreeWalk tree = new TreeWalk(repository)) {
            tree.addTree(walk.parseCommit(ObjectId.fromString(commitSha)).getTree());
            tree.setRecursive(true);
            while (tree.next()) {
                paths.add(tree.getPathString());
            }
            return paths;
        } catch (IOException | IllegalArgumentException e) {
            throw new StageboardException("Could not list the files of commit " + commitSha + " in " + folder + ": " + e.getMessage(), e);
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
