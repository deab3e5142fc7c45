package org.stageboard.ui.board;

import java.util.List;
import java.util.Optional;
import org.stageboard.core.Build;
import org.stageboard.core.CommitInfo;
import org.stageboard.core.Environment;
import org.stageboard.core.Release;
import org.stageboard.pipeline.BoardSnapshot;

/** The next step an empty lane or row suggests, named on the user's own commits, builds, releases and environments. */
final class EmptyTexts {

    private EmptyTexts() {
    }

    static String next(Lane lane, BoardSnapshot snapshot) {
        return switch (lane) {
            case BUILD -> snapshot.commits().isEmpty() ? "There is no commit to build yet: commit to the project's branch first."
                    : build(snapshot.commits().get(0));
            case RELEASE -> release(snapshot);
            case RUN -> run(snapshot);
        };
    }

    private static String build(CommitInfo newest) {
        return "Build turns commit " + newest.shortSha() + " (" + newest.subject() + ") into an artifact: select it and press Build (Ctrl+B).";
    }

    private static String release(BoardSnapshot snapshot) {
        if (snapshot.environments().isEmpty()) {
            return "Add an environment first (Environments ▸ Add environment…): a release is a build plus one environment's config.";
        }
        return successfulBuild(snapshot).map(b -> "Release build #" + b.number() + " (" + b.shortSha() + ") to "
                + snapshot.environments().get(0).name() + ": drag it onto that row, or select it and press R.")
                .orElse("Nothing to release yet: a successful build comes first.");
    }

    private static String run(BoardSnapshot snapshot) {
        if (snapshot.environments().isEmpty()) {
            return "";
        }
        boolean anyHost = snapshot.environmentHosts().values().stream().anyMatch(h -> !h.isEmpty());
        if (!anyHost) {
            return "Attach a host to " + snapshot.environments().get(0).name() + " (Hosts ▸ Add host…, then Attach host to environment…).";
        }
        List<Release> releases = snapshot.releases();
        return releases.isEmpty() ? "" : "Deploy " + releases.get(0).label() + ": drag it onto a host below, or select it and press D.";
    }

    static String releaseRow(Environment environment, BoardSnapshot snapshot) {
        String none = "No release of " + environment.name() + " yet";
        if (snapshot == null) {
            return none + ".";
        }
        return successfulBuild(snapshot).map(b -> none + ": drag build #" + b.number() + " here to release it with "
                + environment.name() + "'s config.").orElse(none + ": build a commit first.");
    }

    private static Optional<Build> successfulBuild(BoardSnapshot snapshot) {
        return snapshot.builds().stream().filter(Build::succeeded).findFirst();
    }
}
