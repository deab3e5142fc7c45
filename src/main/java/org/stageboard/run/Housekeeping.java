package org.stageboard.run;

import static org.stageboard.run.RemoteLayout.q;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.stageboard.core.Progress;

/**
 * Keeps an environment's folder on a host from growing forever: removes upload parts and
 * unpack folders left by runs that died (only ever under the lock, so none is in use), rotates
 * the app log, prunes old releases (never {@code current} nor the rollback target) and deletes
 * artifacts that no kept release uses.
 */
final class Housekeeping {

    /** The app log is rotated to {@code app.log.1} once it passes this size. */
    static final long LOG_LIMIT_BYTES = 10L * 1024 * 1024;

    private Housekeeping() {
    }

    /** Removes leftovers of interrupted runs and rotates the app log, in one command; logs what it did. */
    static void tidy(RemoteShell shell, RemoteLayout layout, Progress progress) {
        String out = shell.check("Removing leftovers of interrupted runs", leftoversScript(layout) + "\n" + rotateScript(layout)).strip();
        List<String> removed = new ArrayList<>();
        for (String line : out.lines().map(String::strip).filter(l -> !l.isEmpty()).toList()) {
            if (line.equals("@rotated")) {
                progress.log("logs/app.log was over " + (LOG_LIMIT_BYTES / 1024 / 1024) + " MB: moved to logs/app.log.1");
            } else {
                removed.add(line);
            }
        }
        if (!removed.isEmpty()) {
            progress.log("removed leftovers of an interrupted run: " + String.join(", ", removed));
        }
    }

    static String leftoversScript(RemoteLayout layout) {
        return "for f in " + q(layout.artifacts()) + "/*.part-* " + q(layout.releases()) + "/.tmp-* " + q(layout.envDir()) + "/.current-*; do "
                + "if [ -e \"$f\" ] || [ -L \"$f\" ]; then rm -rf \"$f\" && echo \"${f##*/}\"; fi; done; true";
    }

    /** Moves {@code logs/app.log} to {@code app.log.1} when it is over the limit (the running app keeps its open file). */
    static String rotateScript(RemoteLayout layout) {
        return "f=" + q(layout.appLog()) + "; if [ -f \"$f\" ] && [ $(wc -c < \"$f\") -gt " + LOG_LIMIT_BYTES
                + " ]; then mv -f \"$f\" \"$f.1\" && echo @rotated; fi; true";
    }

    /**
     * Keeps the {@code keep} most recently activated release folders ({@code byRecency}, newest
     * first) plus every folder in {@code protect}, removes the rest, then removes artifacts no
     * remaining release uses; one command.
     */
    static List<String> prune(RemoteShell shell, RemoteLayout layout, List<String> byRecency, int keep, Collection<String> protect,
                              Progress progress) {
        List<String> removed = toPrune(byRecency, keep, protect);
        StringBuilder script = new StringBuilder();
        for (String name : removed) {
            script.append("rm -rf ").append(q(layout.release(name))).append(" || exit 1\n");
        }
        String artifacts = shell.check("Pruning old releases", script + unusedArtifactsScript(layout)).strip();
        removed.forEach(name -> progress.log("removed old release folder " + name));
        if (!artifacts.isEmpty()) {
            progress.log("removed artifacts no kept release uses: " + String.join(", ", artifacts.lines().toList()));
        }
        return removed;
    }

    /** The folders a prune would remove: beyond the newest {@code keep}, and not protected. */
    static List<String> toPrune(List<String> byRecency, int keep, Collection<String> protect) {
        Set<String> kept = new LinkedHashSet<>(byRecency.subList(0, Math.min(keep, byRecency.size())));
        kept.addAll(protect);
        return byRecency.stream().filter(name -> !kept.contains(name)).toList();
    }

    /**
     * Deletes {@code artifacts/<sha>.tar.gz} files that no release folder's release.json names.
     * Does nothing when a folder has no readable identity (made by an older Stageboard): its
     * artifact cannot be told, so all are kept.
     */
    static String unusedArtifactsScript(RemoteLayout layout) {
        return "cd " + q(layout.envDir()) + " 2>/dev/null || exit 0\n"
                + "used=''\n"
                + "for d in releases/*/; do [ -d \"$d\" ] || continue; "
                + "s=$(sed -n 's/.*\"artifactSha256\" *: *\"\\([0-9a-f]\\{64\\}\\)\".*/\\1/p' \"$d/release.json\" 2>/dev/null | head -n 1); "
                + "if [ -z \"$s\" ]; then exit 0; fi; used=\"$used $s\"; done\n"
                + "for a in artifacts/*.tar.gz; do [ -f \"$a\" ] || continue; n=${a##*/}; n=${n%.tar.gz}; "
                + "case \" $used \" in *\" $n \"*) ;; *) rm -f \"$a\" && echo \"$n\" | cut -c1-12;; esac; done; true";
    }
}
