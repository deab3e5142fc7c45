package org.stageboard.run;

import static org.stageboard.run.RemoteLayout.q;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.stageboard.core.Progress;
import org.stageboard.core.RunSettings;
import org.stageboard.core.StageboardException;

/**
 * An environment's shared data on a host: each shared path of the run settings (relative to the
 * release folder; ending with {@code /} a folder, else a file) is kept in {@code shared/<path>},
 * created when missing, and linked into every release folder by a relative symbolic link, so that
 * what the app writes there outlives deploys, rollbacks and pruning ({@code shared/} is outside
 * {@code releases/}). Whatever a freshly unpacked artifact carries at such a path is replaced by
 * the link, and the log says so; in a release folder that was already on the host, what is there
 * may be data the app wrote, so it is moved aside, never deleted. Nothing is moved into
 * {@code shared/}: when the release running now keeps its own data at a shared path, the plan and
 * the log say that it is not carried over and how to copy it.
 */
final class SharedData {

    private SharedData() {
    }

    /** A shared path without its trailing {@code /}. */
    static String bare(String path) {
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    /** What the link in a release folder points to: relative, from {@code releases/<name>/<path>} to {@code shared/<path>}. */
    static String linkTarget(String path) {
        String bare = bare(path);
        int depth = 2 + (int) bare.chars().filter(c -> c == '/').count();
        return "../".repeat(depth) + "shared/" + bare;
    }

    /**
     * Makes sure every shared path is in {@code shared/} and linked into {@code folder} (an
     * absolute path under {@code releases/}, possibly a temporary one being prepared). With
     * {@code fresh} (the folder was just unpacked) what the artifact has at a shared path is
     * removed for the link; otherwise it is moved aside. Logs what it did; fails, naming the path,
     * when a path cannot be linked safely.
     */
    static void link(RemoteShell shell, RemoteLayout layout, String folder, List<String> shared, boolean fresh, Progress progress) {
        if (shared.isEmpty()) {
            return;
        }
        String stamp = Long.toString(Instant.now().getEpochSecond());
        StringBuilder script = new StringBuilder("S=" + q(layout.shared()) + "; F=" + q(folder) + "\n");
        for (String path : shared) {
            RunSettings.checkShared(path);
            String bare = bare(path);
            boolean isFolder = RunSettings.sharedFolder(path);
            String qp = q(bare);
            script.append("p=").append(qp).append("; s=\"$S/$p\"; t=\"$F/$p\"\n");
            // A link in the release folder above the path would take what is written through it elsewhere.
            String prefix = "";
            for (String part : bare.split("/")) {
                if (!prefix.isEmpty()) {
                    script.append("if [ -L \"$F/").append(prefix.substring(1)).append("\" ]; then echo \"@bad $p ")
                            .append(prefix.substring(1)).append(" is a symbolic link in the release\"; exit 3; fi\n");
                }
                prefix = prefix + "/" + part;
            }
            if (isFolder) {
                script.append("if [ -L \"$s\" ] || { [ -e \"$s\" ] && [ ! -d \"$s\" ]; }; then echo \"@bad $p shared/$p is not a folder\"; exit 3; fi\n")
                        .append("if [ ! -d \"$s\" ]; then mkdir -p \"$s\" || exit 1; echo \"@created $p\"; fi\n");
            } else {
                script.append("if [ -L \"$s\" ] || [ -d \"$s\" ]; then echo \"@bad $p shared/$p is not a plain file\"; exit 3; fi\n")
                        .append("if [ ! -e \"$s\" ]; then mkdir -p \"${s%/*}\" && : > \"$s\" || exit 1; echo \"@created $p\"; fi\n");
            }
            String target = q(linkTarget(path));
            script.append("if [ -L \"$t\" ] && [ \"$(readlink \"$t\")\" = ").append(target).append(" ]; then echo \"@kept $p\"; else\n")
                    .append("  if [ -e \"$t\" ] || [ -L \"$t\" ]; then n=$(find \"$t\" -type f 2>/dev/null | wc -l | tr -d ' ')\n");
            if (fresh) {
                script.append("    rm -rf \"$t\" || exit 1; echo \"@replaced $p $n\"\n");
            } else {
                script.append("    a=\"$t.local-").append(stamp).append("\"; mv \"$t\" \"$a\" || exit 1; echo \"@aside $p $n ${a##*/}\"\n");
            }
            script.append("  fi\n")
                    .append("  mkdir -p \"${t%/*}\" && ln -s ").append(target).append(" \"$t\" || exit 1; echo \"@linked $p\"\n")
                    .append("fi\n");
        }
        org.stageboard.ssh.ExecResult result = shell.run(script.toString(), RemoteShell.SHORT);
        String out = result.stdout();
        String releaseName = folder.substring(folder.lastIndexOf('/') + 1);
        for (String line : out.lines().map(String::strip).filter(l -> l.startsWith("@")).toList()) {
            String[] parts = line.split(" ", 4);
            String path = shared.stream().filter(p -> bare(p).equals(parts.length > 1 ? parts[1] : "")).findFirst().orElse(parts[1]);
            switch (parts[0]) {
                case "@bad" -> throw new StageboardException("The shared path " + path + " cannot be linked into the release: "
                        + (parts.length > 2 ? parts[2] + (parts.length > 3 ? " " + parts[3] : "") : "") + ". Fix it on the host ("
                        + layout.envDir() + ") or change the shared paths.");
                case "@created" -> progress.log("shared/" + path + " created " + (RunSettings.sharedFolder(path) ? "(empty folder)" : "(empty file)"));
                case "@replaced" -> progress.log(path + " from the artifact" + files(parts) + " replaced by a link to shared/" + path);
                case "@aside" -> progress.log(path + " in releases/" + (releaseName.startsWith(".tmp-") ? "" : releaseName) + " held data of its own"
                        + files(parts) + ": moved aside to " + (parts.length > 3 ? parts[3] : "?") + " (not copied into shared/" + path
                        + "); linked to shared/" + path);
                case "@linked" -> progress.log(path + " -> shared/" + path);
                default -> {
                    // @kept: the link is already right.
                }
            }
        }
        long done = out.lines().filter(l -> l.startsWith("@kept") || l.startsWith("@linked")).count();
        if (done < shared.size()) {
            throw new StageboardException("Linking shared data into releases/" + releaseName + " on " + shell.host()
                    + " failed (exit " + result.exitCode() + "): " + done + " of " + shared.size() + " paths linked"
                    + (result.stderr().isBlank() ? "." : ": " + result.stderr().strip().lines().reduce((a, b) -> b).orElse("")));
        }
    }

    private static String files(String[] parts) {
        if (parts.length < 3) {
            return "";
        }
        try {
            int n = Integer.parseInt(parts[2]);
            return " (" + n + (n == 1 ? " file" : " files") + ")";
        } catch (NumberFormatException e) {
            return "";
        }
    }

    /** What the shared paths look like on the host, for one release folder (e.g. the current one) and in {@code shared/}. */
    record Look(String path, boolean inShared, boolean linked, boolean local, int localFiles) {
    }

    /** Looks at each shared path in {@code folder} (absolute) and in {@code shared/}; changes nothing. */
    static List<Look> look(RemoteShell shell, RemoteLayout layout, String folder, List<String> shared) {
        List<Look> looks = new ArrayList<>();
        if (shared.isEmpty()) {
            return looks;
        }
        StringBuilder script = new StringBuilder("S=" + q(layout.shared()) + "; F=" + q(folder == null ? "/nonexistent/stageboard" : folder) + "\n");
        for (String path : shared) {
            script.append("p=").append(q(bare(path))).append("; t=\"$F/$p\"; printf '@ %s ' \"$p\"; ")
                    .append("if [ -e \"$S/$p\" ]; then printf 'shared '; else printf 'none '; fi; ")
                    .append("if [ -L \"$t\" ]; then echo link 0; elif [ -e \"$t\" ]; then echo local $(find \"$t\" -type f 2>/dev/null | wc -l); ")
                    .append("else echo absent 0; fi\n");
        }
        String out = shell.check("Looking at shared data", script.toString());
        for (String line : out.lines().filter(l -> l.startsWith("@ ")).toList()) {
            String[] parts = line.substring(2).strip().split("\\s+");
            if (parts.length < 4) {
                continue;
            }
            String path = shared.stream().filter(p -> bare(p).equals(parts[0])).findFirst().orElse(parts[0]);
            int files;
            try {
                files = Integer.parseInt(parts[3]);
            } catch (NumberFormatException e) {
                files = 0;
            }
            looks.add(new Look(path, parts[1].equals("shared"), parts[2].equals("link"), parts[2].equals("local"), files));
        }
        return looks;
    }

    /** What a deploy will link, one line per path, e.g. {@code storage/ -> shared/storage/ (created empty)}. */
    static List<String> planLines(List<Look> looks) {
        return looks.stream().map(l -> l.path() + " -> shared/" + l.path() + (l.inShared() ? " (already there)"
                : RunSettings.sharedFolder(l.path()) ? " (created empty)" : " (created as an empty file)")).toList();
    }

    /**
     * For each shared path where the release {@code releaseName} (the one running now) keeps data
     * of its own instead of a link: a warning that it is not carried over, with the command that copies it.
     */
    static List<String> warnings(RemoteLayout layout, String releaseName, List<Look> looks) {
        List<String> warnings = new ArrayList<>();
        for (Look look : looks) {
            if (!look.local()) {
                continue;
            }
            String from = layout.release(releaseName) + "/" + bare(look.path());
            String to = layout.shared() + "/" + bare(look.path());
            String copy = RunSettings.sharedFolder(look.path())
                    ? "mkdir -p " + q(to) + " && cp -a " + q(from + "/.") + " " + q(to + "/")
                    : "mkdir -p " + q(to.substring(0, to.lastIndexOf('/'))) + " && cp -a " + q(from) + " " + q(to);
            warnings.add("releases/" + releaseName + " (running now) holds its own " + look.path() + " ("
                    + look.localFiles() + (look.localFiles() == 1 ? " file" : " files") + "), not a link: it is not carried over to shared/"
                    + look.path() + ", and the new release starts with what shared/" + look.path() + " holds. To keep that data, copy it on the host before it is pruned: " + copy);
        }
        return warnings;
    }
}
