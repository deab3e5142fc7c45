package org.stageboard.core;

import java.util.List;

/**
 * What changes from one release to another (of one environment or of two): the commits between
 * their builds (newest first; {@code backwards} when going to {@code to} takes them away), the
 * config keys added, removed and changed (secret values masked), the run settings, the artifact
 * size, and what putting {@code to} in place of {@code from} takes.
 */
public record ReleaseDiff(Release from, Release to, List<CommitInfo> commits, boolean backwards, boolean commitsTruncated,
                          ConfigDiff config, boolean runSettingsChanged, Long fromSize, Long toSize) {

    /** What going from one release to the other takes. */
    public enum Impact {
        /** Same artifact, same config, same run settings. */
        NOTHING("nothing changes: same artifact, config and run settings"),
        /** Same artifact: only config or run settings differ, so a restart with the new ones does it. */
        RESTART("restart only: same artifact, new config or run settings"),
        /** Another artifact (another build): the new one is unpacked and started. */
        REBUILD("new artifact: another build's artifact is unpacked and started");

        private final String text;

        Impact(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    public ReleaseDiff {
        commits = List.copyOf(commits);
    }

    public boolean sameArtifact() {
        return from.artifactSha256().equals(to.artifactSha256());
    }

    public Impact impact() {
        if (!sameArtifact()) {
            return Impact.REBUILD;
        }
        return config.isEmpty() && !runSettingsChanged ? Impact.NOTHING : Impact.RESTART;
    }

    /** The artifact's size change in bytes (to minus from); null when a size is unknown. */
    public Long sizeChange() {
        return fromSize == null || toSize == null ? null : toSize - fromSize;
    }
}
