package org.stageboard.core;

/**
 * Commands an environment runs around the switch, each in the new release's folder with its
 * config. {@code releaseCommand} (e.g. database migrations) runs once per release, on one host,
 * before any host is switched; its failure stops the deploy with nothing switched.
 * {@code beforeSwitch} runs on each host before its switch (failure: nothing switched there);
 * {@code afterSwitch} on each host once the new release is healthy (failure: that host is put back).
 * Each may be null.
 */
public record Hooks(String releaseCommand, String beforeSwitch, String afterSwitch) {

    public static final Hooks NONE = new Hooks(null, null, null);

    public Hooks {
        releaseCommand = blankToNull(releaseCommand);
        beforeSwitch = blankToNull(beforeSwitch);
        afterSwitch = blankToNull(afterSwitch);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
