package org.stageboard.core;

/** What the artifact store holds for a recorded artifact: the file as packed, a file whose bytes changed, no file, or a file removed by retention. */
public enum ArtifactState {
    OK, CORRUPT, MISSING, PRUNED;

    /** As people read it. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
