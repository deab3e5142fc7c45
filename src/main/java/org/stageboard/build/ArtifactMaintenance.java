package org.stageboard.build;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.stageboard.catalog.Catalog;
import org.stageboard.core.Artifact;
import org.stageboard.core.ArtifactCheck;
import org.stageboard.core.ArtifactState;
import org.stageboard.core.CancelledException;
import org.stageboard.core.Progress;
import org.stageboard.core.PruneResult;
import org.stageboard.core.StageboardException;
import org.stageboard.core.StoredArtifact;

/**
 * Looks after the artifact store: re-hashes every stored artifact (a file whose bytes no longer
 * match its name is marked CORRUPT, one that is gone MISSING; neither is reused by the build
 * cache), and removes old artifacts by count and age, never one that a kept release uses.
 */
public final class ArtifactMaintenance {

    private final Catalog catalog;
    private final ArtifactStore store;

    public ArtifactMaintenance(Catalog catalog, ArtifactStore store) {
        this.catalog = catalog;
        this.store = store;
    }

    /** Re-hashes every artifact the store should hold and records what it found; pruned ones are not checked. */
    public List<ArtifactCheck> verify(Progress progress) {
        List<ArtifactCheck> checks = new ArrayList<>();
        List<StoredArtifact> all = catalog.artifacts().all().stream().filter(a -> a.state() != ArtifactState.PRUNED).toList();
        int done = 0;
        for (StoredArtifact stored : all) {
            if (progress.isCancelled()) {
                throw new CancelledException();
            }
            Artifact artifact = stored.artifact();
            ArtifactCheck check;
            if (!store.contains(artifact.sha256())) {
                check = new ArtifactCheck(artifact, ArtifactState.MISSING, "the file " + store.path(artifact.sha256()) + " is gone");
            } else {
                String actual;
                try {
                    actual = store.rehash(artifact.sha256());
                } catch (StageboardException e) {
                    actual = null;
                }
                check = artifact.sha256().equals(actual) ? new ArtifactCheck(artifact, ArtifactState.OK, null)
                        : new ArtifactCheck(artifact, ArtifactState.CORRUPT, actual == null ? "the file cannot be read"
                        : "its bytes hash to " + actual + ": the file changed after it was packed");
            }
            catalog.artifacts().mark(artifact.sha256(), check.state(), Instant.now());
            progress.log(artifact.sha256().substring(0, 12) + " " + check.state().label() + (check.detail() == null ? "" : ": " + check.detail()));
            progress.fraction(++done / (double) all.size());
            checks.add(check);
        }
        return checks;
    }

    /**
     * Removes the artifacts of each project beyond its newest {@code keep} that are also older
     * than {@code olderThan}, except those a kept release uses (the newest releases each
     * environment keeps, and what each host last ran). On a dry run nothing is removed.
     */
    public PruneResult prune(int keep, Duration olderThan, boolean dryRun, Progress progress) {
        if (keep < 0 || olderThan.isNegative()) {
            throw new StageboardException("Retention needs a count of 0 or more and an age of 0 days or more.");
        }
        Instant cutoff = Instant.now().minus(olderThan);
        Set<String> used = catalog.artifacts().usedByKeptReleases();
        Map<Long, Integer> seen = new HashMap<>();
        List<Artifact> removed = new ArrayList<>();
        List<Artifact> kept = new ArrayList<>();
        long freed = 0;
        for (StoredArtifact stored : catalog.artifacts().all()) { // newest first
            Artifact artifact = stored.artifact();
            if (stored.state() == ArtifactState.PRUNED) {
                continue;
            }
            int rank = seen.merge(artifact.projectId(), 1, Integer::sum);
            if (rank <= keep || !artifact.createdAt().isBefore(cutoff)) {
                continue;
            }
            if (used.contains(artifact.sha256())) {
                kept.add(artifact);
                continue;
            }
            removed.add(artifact);
            freed += artifact.size();
            if (!dryRun) {
                store.remove(artifact.sha256());
                catalog.artifacts().mark(artifact.sha256(), ArtifactState.PRUNED, null);
                progress.log("removed " + artifact.sha256().substring(0, 12) + " (" + artifact.size() + " bytes)");
            }
        }
        return new PruneResult(removed, kept, freed, dryRun);
    }
}
