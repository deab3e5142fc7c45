package org.stageboard.run;

import org.stageboard.core.ReleaseIdentity;
import static org.stageboard.run.RemoteLayout.q;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import org.stageboard.core.Progress;
import org.stageboard.core.RunSettings;
import org.stageboard.core.StageboardException;
import org.stageboard.ssh.ExecResult;

/**
 * Puts a release's files on the host: the artifact once per SHA-256, then the release folder,
 * unpacked with its {@code .env} and {@code release.json} in a temporary folder and renamed into
 * place, so that {@code releases/<name>} is either complete or absent. A folder already there is
 * reused only when its {@code release.json} names exactly this release. Files Stageboard writes are
 * never written through a link or into something the artifact provides: an artifact carrying one
 * of those names is refused. Shared paths are linked in ({@link SharedData}) before the folder is
 * moved into place, and made sure of again when a folder is reused.
 */
final class ReleaseFolders {

    /** The files Stageboard writes into every release folder; an artifact may not provide them. */
    static final List<String> RESERVED = List.of(".env", "release.json", StoredRunSettings.FILE);

    private static final SecureRandom RANDOM = new SecureRandom();

    private ReleaseFolders() {
    }

    /**
     * Makes the release folder ready, nothing that serves touched: reused when it is already on
     * the host (its shared links made sure of), else the artifact uploaded if needed and unpacked
     * with the shared links. Returns the bytes uploaded.
     */
    static long prepare(RemoteShell shell, RemoteLayout layout, RemoteRelease release, Progress progress) {
        if (folderReady(shell, layout, release)) {
            progress.log("release folder " + release.releaseName() + " is already on the host and is this very release: "
                    + "reused with its own config, nothing uploaded");
            SharedData.link(shell, layout, layout.release(release.releaseName()), release.run().shared(), false, progress);
            return 0;
        }
        progress.step("upload artifact");
        long uploaded = ensureArtifact(shell, layout, release, progress);
        progress.checkCancelled();
        progress.step("prepare release folder " + release.releaseName());
        unpack(shell, layout, release, uploaded > 0, progress);
        return uploaded;
    }

    /**
     * Uploads the artifact unless the host has it; returns the bytes uploaded (0 when reused). Its
     * SHA-256 is checked on the host by {@link #unpack}, at the same time as the unpacking.
     */
    static long ensureArtifact(RemoteShell shell, RemoteLayout layout, RemoteRelease release, Progress progress) {
        String sha = release.artifactSha256();
        String remote = layout.artifact(sha);
        if (exists(shell, "-f", remote)) {
            progress.log("artifact " + sha.substring(0, 12) + " is already on the host: not uploaded again");
            return 0;
        }
        if (release.artifactFile() == null || !Files.isRegularFile(release.artifactFile())) {
            throw new StageboardException("The artifact " + sha.substring(0, 12) + " of " + release.label() + " is missing from "
                    + "the local store and " + shell.host() + " does not have it: build its commit again and make a new release.");
        }
        shell.check("Creating " + layout.artifacts(), "mkdir -p " + q(layout.artifacts()));
        progress.log("uploading artifact " + sha.substring(0, 12) + " to " + remote);
        shell.ssh().upload(release.artifactFile(), remote, progress);
        progress.checkCancelled();
        try {
            return Files.size(release.artifactFile());
        } catch (java.io.IOException e) {
            return -1;
        }
    }

    /**
     * True when the release folder is on the host and is exactly this release; false when absent.
     * A folder of that name holding anything else is refused, never reused.
     */
    static boolean folderReady(RemoteShell shell, RemoteLayout layout, RemoteRelease release) {
        String folder = layout.release(release.releaseName());
        String out = shell.check("Looking for " + folder, "if [ -d " + q(folder) + " ]; then echo yes; head -c 65536 "
                + q(folder + "/release.json") + " 2>/dev/null; true; else echo no; fi");
        if (!out.startsWith("yes")) {
            return false;
        }
        ReleaseIdentity there = ReleaseJson.identity(out.substring(3)).orElse(null);
        if (!release.identity().sameRelease(there)) {
            throw new StageboardException("releases/" + release.releaseName() + " on " + shell.host() + " holds "
                    + (there == null ? "a folder without a Stageboard identity" : "another release (" + there.label()
                    + " of catalog " + there.catalog() + ")") + ", not " + release.label()
                    + ": it was not reused. Find out who put it there; remove it on the host to deploy this release.");
        }
        return true;
    }

    /**
     * Unpacks the artifact into a new release folder, atomically. With {@code checkArtifact}
     * (it was just uploaded), the artifact's SHA-256 is computed on the host while tar unpacks it;
     * a mismatch removes both and fails.
     */
    static void unpack(RemoteShell shell, RemoteLayout layout, RemoteRelease release, boolean checkArtifact, Progress progress) {
        String target = layout.release(release.releaseName());
        String temp = layout.releases() + "/.tmp-" + release.releaseName() + "-" + HexFormat.of().formatHex(randomBytes());
        String artifact = layout.artifact(release.artifactSha256());
        try {
            String out = shell.check("Unpacking the artifact", "mkdir -p " + q(layout.releases()) + " && mkdir " + q(temp) + " || exit 1\n"
                    + (checkArtifact ? "{ sha256sum " + q(artifact) + " > " + q(temp + ".sha") + " 2>/dev/null & }\n" : "")
                    + "tar --no-same-owner -xzf " + q(artifact) + " -C " + q(temp) + "; rc=$?; wait\n"
                    + (checkArtifact ? "echo \"@sha $(cut -d ' ' -f 1 " + q(temp + ".sha") + " 2>/dev/null)\"; rm -f " + q(temp + ".sha") + "\n" : "")
                    + "[ $rc -eq 0 ] || exit $rc\n"
                    + "cd " + q(temp) + " && for f in " + String.join(" ", RESERVED.stream().map(RemoteLayout::q).toList())
                    + "; do if [ -e \"$f\" ] || [ -L \"$f\" ]; then if [ -L \"$f\" ]; then echo \"$f (a symbolic link)\"; "
                    + "else echo \"$f\"; fi; fi; done", RemoteShell.LONG);
            List<String> reserved = new java.util.ArrayList<>();
            for (String line : out.lines().map(String::strip).filter(l -> !l.isEmpty()).toList()) {
                if (line.startsWith("@sha")) {
                    checkSha(shell, layout, release, line.substring(4).strip(), progress);
                } else {
                    reserved.add(line);
                }
            }
            if (!reserved.isEmpty()) {
                throw new StageboardException("The artifact contains " + String.join(", ", reserved)
                        + ", which Stageboard writes itself into every release (config and identity): it was refused and nothing "
                        + "was written. Leave these names out of the build's artifact globs.");
            }
            progress.checkCancelled();
            shell.ssh().write(temp + "/.env", EnvFile.format(release.env()).getBytes(StandardCharsets.UTF_8), 0600);
            shell.ssh().write(temp + "/release.json", ReleaseJson.write(release).getBytes(StandardCharsets.UTF_8), 0644);
            shell.ssh().write(temp + "/" + StoredRunSettings.FILE,
                    StoredRunSettings.toJson(release.run()).getBytes(StandardCharsets.UTF_8), 0644);
            SharedData.link(shell, layout, temp, release.run().shared(), true, progress);
            shell.check("Moving the release folder into place", "mv -T " + q(temp) + " " + q(target));
        } catch (RuntimeException e) {
            shell.uncancellable().run("rm -rf " + q(temp) + " " + q(temp + ".sha"), RemoteShell.LONG);
            throw e;
        }
        progress.log("release folder " + release.releaseName() + " ready: artifact unpacked, .env (0600) and release.json written");
    }

    private static void checkSha(RemoteShell shell, RemoteLayout layout, RemoteRelease release, String actual, Progress progress) {
        String sha = release.artifactSha256();
        if (actual.isEmpty()) {
            progress.log("sha256sum is not available on the host: the uploaded artifact was not checked");
        } else if (!actual.equals(sha)) {
            shell.uncancellable().run("rm -f " + q(layout.artifact(sha)), RemoteShell.SHORT);
            throw new StageboardException("The artifact uploaded to " + shell.host() + " has SHA-256 " + actual
                    + ", not " + sha + ": the file changed or the transfer broke. Deploy again.");
        } else {
            progress.log("artifact checked on the host: SHA-256 matches");
        }
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

    /**
     * What is current before a switch: the link, the pid in the pidfile, the run settings of the
     * current release, its identity and its {@code release.json} as read (null when it has none).
     */
    record Current(String link, Integer pid, String runSettingsJson, ReleaseIdentity identity, String releaseJson) {
        String folder() {
            return releaseName(link);
        }

        String label() {
            return identity == null ? null : identity.label();
        }
    }

    /** Reads {@link Current} with one command. */
    static Current current(RemoteShell shell, RemoteLayout layout) {
        String out = shell.check("Reading current", "readlink " + q(layout.current()) + " 2>/dev/null; echo @@; "
                + "head -c 32 " + q(layout.pidFile()) + " 2>/dev/null; echo; echo @@; "
                + "head -c 65536 " + q(layout.current() + "/" + StoredRunSettings.FILE) + " 2>/dev/null; echo; echo @@; "
                + "head -c 65536 " + q(layout.current() + "/release.json") + " 2>/dev/null; true");
        String[] parts = out.split("@@\n", 4);
        String link = parts[0].strip();
        String releaseJson = parts.length > 3 && !parts[3].isBlank() ? parts[3] : null;
        ReleaseIdentity identity = releaseJson == null ? null : ReleaseJson.identity(releaseJson).orElse(null);
        return new Current(link.isEmpty() ? null : link, parts.length > 1 ? AppProcess.parsePid(parts[1]) : null,
                parts.length > 2 ? parts[2] : null, identity, releaseJson);
    }

    /** The release folder name of a link such as {@code releases/v2-…}, or null. */
    static String releaseName(String link) {
        return link == null ? null : link.substring(link.lastIndexOf('/') + 1);
    }
}
