package org.stageboard.core;

/** One artifact re-hashed by a verify: the state found, and in words what was wrong (null when OK). */
public record ArtifactCheck(Artifact artifact, ArtifactState state, String detail) {

    public boolean ok() {
        return state == ArtifactState.OK;
    }
}
