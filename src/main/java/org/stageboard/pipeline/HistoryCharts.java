package org.stageboard.pipeline;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The history's charts, one set per environment (in promotion order): deploys per day and per
 * week with how many failed, lead time from commit to live, and time to restore after a failed
 * run. A deploy is a {@code DEPLOY} run that ended ({@code LIVE}, {@code SUPERSEDED},
 * {@code FAILED}, {@code ROLLED_BACK}, {@code APP_DOWN}, {@code INTERRUPTED}; cancelled and
 * skipped runs are not counted); it failed unless it went live ({@code LIVE} or later
 * {@code SUPERSEDED}). Lead time: from the commit's time to the end of the run that made it live
 * (commits the catalog kept only). Time to restore: from the end of a failed deploy or rollback on
 * a host to the end of the next run on that host and environment that went live. Runs of other
 * catalogs imported from the hosts' ledgers count too.
 */
public record HistoryCharts(List<EnvironmentChart> environments) {

    /** Deploys that started in one day or week (the week's Monday), and how many of them failed. */
    public record Bucket(LocalDate start, int deploys, int failed) {
        /** Failed deploys ÷ deploys, 0 when there were none. */
        public double failedRate() {
            return deploys == 0 ? 0 : (double) failed / deploys;
        }
    }

    /** One measured duration: when it ended, on which host. */
    public record Sample(Instant at, String host, Duration duration) {
    }

    /** The charts of one environment, with its totals: failed rate over all its deploys, median lead time, mean time to restore (null when none). */
    public record EnvironmentChart(String environment, List<Bucket> perDay, List<Bucket> perWeek, List<Sample> leadTimes,
                                   List<Sample> restores, int deploys, int failed, Duration medianLeadTime, Duration meanTimeToRestore) {
        /** Failed deploys ÷ deploys over the whole range, 0 when there were none. */
        public double failedRate() {
            return deploys == 0 ? 0 : (double) failed / deploys;
        }
    }

    /** The chart of the named environment, if it has one. */
    public java.util.Optional<EnvironmentChart> of(String environment) {
        return environments.stream().filter(c -> c.environment().equals(environment)).findFirst();
    }
}
