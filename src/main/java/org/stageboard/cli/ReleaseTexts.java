package org.stageboard.cli;

import java.io.PrintWriter;
import org.stageboard.core.CommitInfo;
import org.stageboard.core.ConfigDiff;
import org.stageboard.core.ConfigKeyDiff;
import org.stageboard.core.ReleaseDetails;
import org.stageboard.core.ReleaseDiff;

/** How the release page, a release diff and a config diff read in the CLI; secret values arrive masked. */
final class ReleaseTexts {

    private ReleaseTexts() {
    }

    static void details(PrintWriter out, ReleaseDetails d) {
        var r = d.release();
        out.println(r.label() + "  made " + Formats.time(r.createdAt()) + " by " + r.actor());
        out.println("  build      #" + d.build().number() + (d.build().cached() ? " (cached from #" + d.build().cachedFrom() + ")" : "")
                + "  " + Formats.time(d.build().startedAt()) + "  by " + d.build().actor());
        out.println("  commit     " + (d.commit() == null ? d.build().commitSha() + " (the repository cannot be read)"
                : d.commit().sha() + "  " + d.commit().subject() + "  (" + d.commit().author() + ")"));
        out.println("  artifact   " + r.artifactSha256() + "  " + Formats.size(d.artifactSize()));
        out.println("  config     v" + r.configVersion() + "  keys: " + (d.configKeys().isEmpty() ? "(none)" : String.join(", ", d.configKeys()))
                + (d.secretKeys().isEmpty() ? "" : "  (secret: " + String.join(", ", d.secretKeys()) + ")"));
        out.println("  start      " + r.run().startCommand() + "  health: " + r.run().healthUrl());
        out.println("  running on " + (d.runningOn().isEmpty() ? "(no host)" : String.join(", ", d.runningOn())));
    }

    static void diff(PrintWriter out, ReleaseDiff d) {
        out.println(d.from().label() + " (build #" + d.from().buildNumber() + ") -> " + d.to().label() + " (build #" + d.to().buildNumber() + ")");
        out.println("  needs: " + d.impact().text());
        if (d.sameArtifact()) {
            out.println("  artifact: the same (" + d.to().artifactSha256().substring(0, 12) + ", " + Formats.size(d.toSize()) + ")");
        } else {
            Long change = d.sizeChange();
            out.println("  artifact: " + d.from().artifactSha256().substring(0, 12) + " " + Formats.size(d.fromSize()) + " -> "
                    + d.to().artifactSha256().substring(0, 12) + " " + Formats.size(d.toSize())
                    + (change == null ? "" : " (" + (change >= 0 ? "+" : "-") + Formats.size(Math.abs(change)) + ")"));
        }
        if (d.commits().isEmpty()) {
            out.println("  commits: none between them");
        } else {
            out.println("  commits " + (d.backwards() ? "taken away (" + d.to().label() + " is older)" : "brought") + ": "
                    + d.commits().size() + (d.commitsTruncated() ? "+ (only the newest shown)" : ""));
            for (CommitInfo c : d.commits()) {
                out.println("    " + c.shortSha() + "  " + c.subject() + "  (" + c.author() + ")");
            }
        }
        config(out, d.config(), "  config: ", "  ");
        if (d.runSettingsChanged()) {
            out.println("  run settings: changed (start '" + d.from().run().startCommand() + "' -> '" + d.to().run().startCommand() + "')");
        }
    }

    /** A header line ({@code title} then from -> to and how many keys) and one line per key, indented. */
    static void config(PrintWriter out, ConfigDiff diff, String title, String indent) {
        out.println(title + diff.from() + " -> " + diff.to() + ": " + (diff.isEmpty() ? "no change" : diff.keys().size()
                + (diff.keys().size() == 1 ? " key" : " keys")));
        for (ConfigKeyDiff key : diff.keys()) {
            out.println(indent + "  " + key.describe());
        }
    }
}
