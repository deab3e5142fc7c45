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
 * the instance logs under {@code shared/log/} (and an old {@code logs/app.log}), prunes old releases (never {@code current} nor the rollback target) and deletes
 * artifacts that no kept release uses.
 */
final class Housekeeping {

    /** An instance log is rotated to {@code .1} once it passes this size. */
    static final long LOG_LIMIT_BYTES = 10L * 1024 * 1024;
    /** How many rotated files of each log are kept ({@code .1} newest … {@code .3} oldest). */
    static final int LOG_KEEP = 3;

    private Housekeeping() {
    }

    /** Removes leftovers of interrupted runs and rotates the app log, in one command; logs what it did. */
    static void tidy(RemoteShell shell, RemoteLayout layout, Progress progress) {
        String out = shell.check("Removing leftovers of interrupted runs", leftoversScript(layout) + "\n" + rotateScript(layout)).strip();
        List<String> removed = new ArrayList<>();
        for (String line : out.lines().map(String::strip).filter(l -> !l.isEmpty()).toList()) {
            if (line.startsWith("@rotated ")) {
                String log = line.substring("@rotated ".length());
                progress.log(log + " was over " + (LOG_LIMIT_BYTES / 1024 / 1024) + " MB: rotated to " + log + ".1 (keeping "
                        + LOG_KEEP + " old files)");
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

    /**
     * Rotates each log over the limit: {@code .2} to {@code .3} (the oldest dropped), {@code .1}
     * to {@code .2}, then the log copied to {@code .1} and emptied in place, so a running process,
     * which appends, goes on writing at its start and the size on disk stays capped. Prints
     * {@code @rotated shared/log/NAME} per rotated log.
     */
    static String rotateScript(RemoteLayout layout) {
        return "cd " + q(layout.envDir()) + " 2>/dev/null && for f in shared/log/*.log logs/app.log; do "
                + "if [ -f \"$f\" ] && [ ! -L \"$f\" ] && [ $(wc -c < \"$f\") -gt " + LOG_LIMIT_BYTES + " ]; then "
                + "i=" + LOG_KEEP + "; rm -f \"$f.$i\"; while [ $i -gt 1 ]; do j=$((i - 1)); "
                + "if [ -f \"$f.$j\" ]; then mv -f \"$f.$j\" \"$f.$i\"; fi; i=$j; done; "
                + "cp -p \"$f\" \"$f.1\" && : > \"$f\" && echo \"@rotated $f\"; fi; done; true";
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
