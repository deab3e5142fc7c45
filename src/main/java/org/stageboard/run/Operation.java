package org.stageboard.run;

import java.util.List;

/**
 * Who operates on which environment's current release on a host (stop, start, restart, a one-off
 * command, its logs), and the secret values to mask in everything shown of it.
 */
public record Operation(String project, String environment, String actor, List<String> secretValues) {

    public Operation {
        secretValues = secretValues == null ? List.of() : List.copyOf(secretValues);
    }

    /** Never shows the secrets: records print themselves into logs and stack traces. */
    @Override
    public String toString() {
        return "Operation[" + project + "/" + environment + " by " + actor + ", " + secretValues.size() + " secrets]";
    }
}
