package org.stageboard.pipeline;

/**
 * What a host presented when asked for its key: its SHA256 fingerprint and whether it matches
 * the pinned one ({@code TRUSTED}), is not pinned yet ({@code UNKNOWN}) or differs ({@code CHANGED}).
 */
public record HostKeyCheck(String hostName, String keyType, String fingerprint, String pinnedFingerprint, Status status) {

    public enum Status { TRUSTED, UNKNOWN, CHANGED }
}
