package org.stageboard.core;

import java.util.List;

/**
 * What importing an environment's settings did: the environment (created or updated), the new
 * config version if the plain keys changed it (null otherwise), the plain keys set, and the
 * secret keys the file named that have no value yet and must be set separately.
 */
public record EnvironmentImport(Environment environment, boolean created, Integer configVersion,
                                List<String> keysSet, List<String> secretsToSet) {

    public EnvironmentImport {
        keysSet = List.copyOf(keysSet);
        secretsToSet = List.copyOf(secretsToSet);
    }
}
