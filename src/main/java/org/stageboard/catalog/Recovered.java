package org.stageboard.catalog;

/**
 * What {@link Catalog#recoverInterrupted()} found: how many builds and runs were left RUNNING by a
 * process that is gone, and are now INTERRUPTED.
 */
public record Recovered(int builds, int runs) {

    /** Nothing was left behind. */
    public static final Recovered NONE = new Recovered(0, 0);

    /** True when no build and no run had to be marked interrupted. */
    public boolean none() {
        return builds == 0 && runs == 0;
    }

    /** {@code 1 build and 2 runs interrupted by a process that is gone}, or {@code nothing interrupted}. */
    public String describe() {
        if (none()) {
            return "nothing interrupted";
        }
        String what = builds == 0 ? count(runs, "run")
                : runs == 0 ? count(builds, "build")
                : count(builds, "build") + " and " + count(runs, "run");
        return what + " interrupted by a process that is gone";
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
