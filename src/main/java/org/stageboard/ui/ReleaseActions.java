package org.stageboard.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.stageboard.core.Build;
import org.stageboard.core.CommitInfo;
import org.stageboard.core.ConfigKeyDiff;
import org.stageboard.core.Environment;
import org.stageboard.core.Release;
import org.stageboard.core.ReleaseDetails;
import org.stageboard.core.ReleaseDiff;
import org.stageboard.core.StageboardException;
import org.stageboard.pipeline.Stageboard;
import org.stageboard.ui.task.Outcome;
import org.stageboard.ui.task.TaskExecutor;
import org.stageboard.ui.task.TaskList;
import org.stageboard.ui.task.UiTask;

/**
 * What the window does with a release or a build beyond deploying it: its page (build, commit,
 * config version, who made it, where it runs, and what deploying it would change against the
 * release live on its environment), promoting it to the next environment with the same artifact,
 * and building a commit again without the cache. The page's text is made here, without JavaFX.
 */
public final class ReleaseActions {

    /** A release's page: its details, and the diff from the release live on its environment (null when none or itself). */
    public record Page(ReleaseDetails details, ReleaseDiff fromLive) {
    }

    /** Where promoting a release would go: the next environment, or empty with the reason. */
    public record PromotionTarget(Release source, Environment next, String reason) {
    }

    private final Stageboard engine;
    private final TaskExecutor executor;
    private final TaskList tasks;
    private final Consumer<Notice> notice;
    private final Runnable refresh;

    ReleaseActions(Stageboard engine, TaskExecutor executor, TaskList tasks, Consumer<Notice> notice, Runnable refresh) {
        this.engine = engine;
        this.executor = executor;
        this.tasks = tasks;
        this.notice = notice;
        this.refresh = refresh;
    }

    /** Loads the release's page in the background. */
    public void loadPage(Release release, Consumer<Page> then) {
        executor.call(() -> page(release), then, e -> notice.accept(Notice.error(ErrorText.of(e))));
    }

    /** The lines of a release's page against the release live in its environment ({@code live}, null for none), read in the background. */
    public void loadPageLines(Release release, Release live, Consumer<List<String>> then) {
        executor.call(() -> lines(new Page(engine.releaseDetails(release), live == null ? null : engine.diff(live, release))), then,
                e -> notice.accept(Notice.error(ErrorText.of(e))));
    }

    /** The hosts of the release's environment (to ask for their keys' passphrases before a deploy); call in the background. */
    public List<org.stageboard.core.Host> hostsOf(Release release) {
        return engine.hosts(engine.environmentOf(release));
    }

    Page page(Release release) {
        ReleaseDetails details = engine.releaseDetails(release);
        Environment environment = engine.environmentOf(release);
        Release live = engine.releases(environment).stream()
                .filter(r -> r.id() != release.id() && !engine.releaseDetails(r).runningOn().isEmpty()).findFirst().orElse(null);
        return new Page(details, live == null ? null : engine.diff(live, release));
    }

    /** The page as lines of text. */
    public static List<String> lines(Page page) {
        ReleaseDetails d = page.details();
        Release r = d.release();
        List<String> lines = new ArrayList<>();
        lines.add(r.label() + " — made by " + r.actor() + " at " + r.createdAt());
        Build build = d.build();
        lines.add("Build:  #" + build.number() + " (" + build.shortSha() + ")" + (d.artifactSize() == null ? "" : ", artifact "
                + d.artifactSize() + " bytes, SHA-256 " + r.artifactSha256().substring(0, 12) + "…"));
        CommitInfo commit = d.commit();
        lines.add("Commit: " + (commit == null ? build.commitSha() + " (the repository cannot be read)"
                : commit.shortSha() + " " + commit.message() + " — " + commit.author()));
        lines.add("Config: v" + r.configVersion() + (d.configKeys().isEmpty() ? " (no keys)" : ": " + String.join(", ", d.configKeys()))
                + (d.secretKeys().isEmpty() ? "" : " (secret: " + String.join(", ", d.secretKeys()) + ")"));
        lines.add("Runs on: " + (d.runningOn().isEmpty() ? "no host yet" : String.join(", ", d.runningOn())));
        ReleaseDiff diff = page.fromLive();
        if (diff == null) {
            lines.add("Against what is live: no other release of " + r.environmentName() + " is live.");
            return lines;
        }
        lines.add("");
        lines.add("Against " + diff.from().label() + ", live now: " + diff.impact().text());
        if (!diff.commits().isEmpty()) {
            lines.add((diff.backwards() ? "Commits taken away:" : "Commits brought:") + (diff.commitsTruncated() ? " (newest shown)" : ""));
            diff.commits().forEach(c -> lines.add("  " + c.shortSha() + " " + c.message() + " — " + c.author()));
        }
        for (ConfigKeyDiff key : diff.config().keys()) {
            lines.add("  config " + key.describe());
        }
        if (diff.runSettingsChanged()) {
            lines.add("  run settings changed");
        }
        if (diff.sizeChange() != null && diff.sizeChange() != 0) {
            lines.add("  artifact size " + (diff.sizeChange() > 0 ? "+" : "") + diff.sizeChange() + " bytes");
        }
        return lines;
    }

    /** Reads where the release would be promoted to, in the background. */
    public void loadPromotionTarget(Release release, Consumer<PromotionTarget> then) {
        executor.call(() -> {
            Optional<Environment> next = engine.nextEnvironment(engine.environmentOf(release));
            return next.map(e -> new PromotionTarget(release, e, null)).orElseGet(() -> new PromotionTarget(release, null,
                    release.environmentName() + " is the last environment of the promotion path: there is nothing to promote to. "
                            + "Set the order under the CLI's 'env promote-order'."));
        }, then, e -> notice.accept(Notice.error(ErrorText.of(e))));
    }

    /** Makes a release of the next environment from the exact artifact of {@code source} (no rebuild). */
    public UiTask promote(Release source) {
        return tasks.start("Promote " + source.label(), progress -> {
            progress.step("release the same artifact with the next environment's config");
            return engine.promote(source);
        }, made -> Outcome.ok(made.label() + " made from " + source.label() + "'s artifact"), made -> {
            notice.accept(Notice.info(made.label() + " made from the artifact of " + source.label() + " (build #" + made.buildNumber()
                    + ", nothing rebuilt) with config v" + made.configVersion() + ": deploy it when ready."));
            refresh.run();
        }, e -> notice.accept(Notice.error(ErrorText.of(e))));
    }

    /** Builds the build's commit again, ignoring the cache (e.g. after a flaky step or a changed tool). */
    public UiTask rebuild(org.stageboard.core.Project project, Build build) {
        if (project == null) {
            throw new StageboardException("Choose the project first.");
        }
        return tasks.start("Rebuild " + build.shortSha() + " of " + project.name() + " (no cache)",
                progress -> engine.build(project, build.commitSha(), false, progress),
                b -> b.succeeded() ? Outcome.ok("build #" + b.number() + " succeeded") : Outcome.failed("build #" + b.number() + " " + b.status().name().toLowerCase()),
                b -> {
                    notice.accept(b.succeeded() ? Notice.info("Build #" + b.number() + " rebuilt " + build.shortSha() + " without the cache.")
                            : Notice.error("Build #" + b.number() + " failed; open its log from the card."));
                    refresh.run();
                }, e -> notice.accept(Notice.error(ErrorText.of(e))));
    }
}
