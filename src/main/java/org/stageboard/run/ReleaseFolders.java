package org.stageboard.run;

import static org.stageboard.run.RemoteLayout.q;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.HexFormat;
import org.stageboard.core.Progress;
import org.stageboard.core.RunSettings;
import org.stageboard.core.StageboardException;
import org.stageboard.ssh.ExecResult;

/**
 * Puts a release's files on the host: the artifact once per SHA-256, then the release folder,
 * unpacked with its {@code .env} and {@code release.json} in a temporary folder and renamed into
 * place, so that {@code releases/<name>} is either complete or absent.
 */
final class ReleaseFolders {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Duration LONG = Duration.ofMinutes(10);

    private ReleaseFolders() {
    }

    static void ensureArtifact(RemoteShell shell, RemoteLayout layout, RemoteRelease release, Progress progress) {
        String sha = release.artifactSha256();
        String remote = layout.artifact(sha);
        if (exists(shell, "-f", remote)) {
            progress.log("artifact " + sha.substring(0, 12) + " is already on the host: not uploaded again");
            return;
        }
        if (release.artifactFile() == null || !java.nio.file.Files.isRegularFile(release.artifactFile())) {
            throw new StageboardException("The artifact file " + release.artifactFile() + " is missing here: rebuild it or "
                    + "restore the artifact store.");
        }
        shell.check("Creating " + layout.artifacts(), "mkdir -p " + q(layout.artifacts()));
        progress.log("uploading artifact " + sha.substring(0, 12) + " to " + remote);
        shell.ssh().upload(release.artifactFile(), remote, progress);
        ExecResult sum = shell.run("sha256sum " + q(remote), RemoteShell.SHORT);
        if (sum.ok()) {
            String actual = sum.stdout().strip().split("\\s+")[0];
            if (!actual.equals(sha)) {
                shell.run("rm -f " + q(remote), RemoteShell.SHORT);
                throw new StageboardException("The artifact uploaded to " + shell.host() + " has SHA-256 " + actual
                        + ", not " + sha + ": the file changed or the transfer broke. Deploy again.");
            }
            progress.log("artifact checked on the host: SHA-256 matches");
        } else {
            progress.log("sha256sum is not available on the host: the uploaded artifact was not checked");
        }
    }

    static void ensureUnpacked(RemoteShell shell, RemoteLayout layout, RemoteRelease release, Progress progress) {
        String target = layout.release(release.releaseName());
        if (exists(shell, "-d", target)) {
            progress.log("release folder " + release.releaseName() + " is already on the host: reused with its own config");
            return;
        }
        String temp = layout.releases() + "/.tmp-" + release.releaseName() + "-" + HexFormat.of().formatHex(randomBytes());
        try {
            shell.check("Unpacking the artifact", "mkdir -p " + q(layout.releases()) + " && rm -rf " + q(temp) + " && mkdir " + q(temp)
                    + " && tar --no-same-owner -xzf " + q(layout.artifact(release.artifactSha256())) + " -C " + q(temp), LONG);
            shell.ssh().write(temp + "/.env", EnvFile.format(release.env()).getBytes(StandardCharsets.UTF_8), 0600);
            String releaseJson = release.releaseJson() == null ? "{}\n" : release.releaseJson();
            shell.ssh().write(temp + "/release.json", releaseJson.getBytes(StandardCharsets.UTF_8), 0644);
            shell.ssh().write(temp + "/" + StoredRunSettings.FILE,
                    StoredRunSettings.toJson(release.run()).getBytes(StandardCharsets.UTF_8), 0644);
            shell.check("Moving the release folder into place", "mv -T " + q(temp) + " " + q(target));
        } catch (RuntimeException e) {
            shell.run("rm -rf " + q(temp), LONG);
            throw e;
        }
        progress.log("release folder " + release.releaseName() + " ready: artifact unpacked, .env (0600) and release.json written");
    }

    /** The run settings a release folder was made with, or {@code fallback}. */
    static RunSettings storedRunSettings(RemoteShell shell, RemoteLayout layout, String releaseName, RunSettings fallback) {
        ExecResult out = shell.run("cat " + q(layout.release(releaseName) + "/" + StoredRunSettings.FILE) + " 2>/dev/null",
                RemoteShell.SHORT);
        return StoredRunSettings.fromJson(out.ok() ? out.stdout() : null, fallback);
    }

    private static boolean exists(RemoteShell shell, String test, String path) {
        return shell.check("Looking for " + path, "if [ " + test + " " + q(path) + " ]; then echo yes; else echo no; fi")
                .strip().equals("yes");
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[4];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    /** Where {@code current} points ({@code releases/v2}), or null when there is no current release. */
    static String currentLink(RemoteShell shell, RemoteLayout layout) {
        String link = shell.check("Reading current", "readlink " + q(layout.current()) + " 2>/dev/null || true").strip();
        return link.isEmpty() ? null : link;
    }

    /** The release folder name of a {@link #currentLink}, or null. */
    static String releaseName(String link) {
        return link == null ? null : link.substring(link.lastIndexOf('/') + 1);
    }

    /** Release folder names, most recently activated first. */
    static List<String> byRecency(RemoteShell shell, RemoteLayout layout) {
        return shell.check("Listing releases", "ls -1t " + q(layout.releases()) + " 2>/dev/null || true").lines()
                .map(String::strip).filter(line -> !line.isEmpty()).toList();
    }
}
