package org.stageboard.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.TreeFormatter;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.stageboard.catalog.Catalog;
import org.stageboard.core.Artifact;
import org.stageboard.core.Build;
import org.stageboard.core.ConfigEntry;
import org.stageboard.core.ConfigVersion;
import org.stageboard.core.Environment;
import org.stageboard.core.Host;
import org.stageboard.core.Project;
import org.stageboard.core.Recipe;
import org.stageboard.core.Release;
import org.stageboard.core.RunKind;
import org.stageboard.core.RunSettings;
import org.stageboard.core.RunStatus;
import org.stageboard.pipeline.EngineAccess;
import org.stageboard.pipeline.Stageboard;
import org.stageboard.pipeline.StageboardHome;

/**
 * Generates the large catalog issue 8 asks the window to handle: a real git repository with
 * 10,000 commits (written with JGit) and a Stageboard home whose catalog holds one project on it
 * with 5,000 builds, 20,000 releases over three environments and 50,000 runs over four hosts,
 * spread over two years, by four authors, with some failures and rollbacks. Rows are written
 * through the catalog's own repositories (so they are what the app itself would write), then
 * their times are spread in one SQL pass. Nothing runs on a host: the hosts' addresses are
 * unreachable on purpose, so the window reads them as unreachable.
 *
 * <p>Run it with {@code bench/large-catalog.sh <folder> [--commits N --builds N --releases N --runs N]};
 * the app then opens on it with {@code STAGEBOARD_HOME=<folder>/home ./mvnw javafx:run}.
 */
public final class LargeCatalog {

    static final String[] AUTHORS = {"ada", "grace", "linus", "margaret"};
    static final String[] ENVIRONMENTS = {"staging", "canary", "production"};

    private LargeCatalog() {
    }

    public record Sizes(int commits, int builds, int releases, int runs) {
        public static final Sizes ISSUE = new Sizes(10_000, 5_000, 20_000, 50_000);
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: LargeCatalog <folder> [--commits N] [--builds N] [--releases N] [--runs N]");
            System.exit(2);
        }
        Path folder = Path.of(args[0]).toAbsolutePath();
        Sizes sizes = Sizes.ISSUE;
        for (int i = 1; i < args.length; i++) {
            int n = Integer.parseInt(args[i + 1]);
            sizes = switch (args[i]) {
                case "--commits" -> new Sizes(n, sizes.builds(), sizes.releases(), sizes.runs());
                case "--builds" -> new Sizes(sizes.commits(), n, sizes.releases(), sizes.runs());
                case "--releases" -> new Sizes(sizes.commits(), sizes.builds(), n, sizes.runs());
                case "--runs" -> new Sizes(sizes.commits(), sizes.builds(), sizes.releases(), n);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            };
            i++;
        }
        long t0 = System.nanoTime();
        generate(folder, sizes, line -> System.out.println(line));
        System.out.printf("done in %.1f s: STAGEBOARD_HOME=%s%n", (System.nanoTime() - t0) / 1e9, folder.resolve("home"));
    }

    /** Writes {@code <folder>/repo} and {@code <folder>/home}; returns the home. */
    public static Path generate(Path folder, Sizes sizes, java.util.function.Consumer<String> log) throws IOException {
        if (sizes.builds() > sizes.commits() || sizes.builds() < 1 || sizes.releases() < ENVIRONMENTS.length) {
            throw new IllegalArgumentException("need commits >= builds >= 1 and at least one release per environment");
        }
        Path repo = folder.resolve("repo");
        Path home = folder.resolve("home");
        if (Files.exists(home.resolve("catalog")) || Files.exists(repo)) {
            throw new IllegalArgumentException(folder + " already holds a generated catalog: choose an empty folder");
        }
        Instant end = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        Instant start = end.minus(Duration.ofDays(730));
        log.accept("writing " + sizes.commits() + " commits to " + repo);
        List<String> commits = writeCommits(repo, sizes.commits(), start, end);
        log.accept("writing the catalog under " + home);
        Random random = new Random(42);
        try (Stageboard engine = Stageboard.open(new StageboardHome(home))) {
            Catalog catalog = EngineAccess.catalog(engine);
            // Written in bulk: commits reach the file in the background (the app writes each one at once).
            catalog.jdbc().update("SET WRITE_DELAY 500");
            Project project = engine.addProject("shop-api", repo, "main", new Recipe("./build.sh", List.of("app.tar.gz")));
            List<Environment> environments = new ArrayList<>();
            List<ConfigVersion> configs = new ArrayList<>();
            for (String name : ENVIRONMENTS) {
                Environment environment = engine.addEnvironment(project, name, RunSettings.of("./serve", "http://127.0.0.1:8080/health"));
                environments.add(environment);
                configs.add(catalog.configs().add(environment.id(), Map.of("PORT", new ConfigEntry("PORT", "8080", false),
                        "API_TOKEN", new ConfigEntry("API_TOKEN", "large-catalog-secret", true)), "ada"));
            }
            List<List<Host>> hostsPerEnvironment = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
            String[][] hostNames = {{"stage1"}, {"canary1"}, {"web1", "web2"}};
            for (int e = 0; e < hostNames.length; e++) {
                for (String name : hostNames[e]) {
                    Host host = catalog.hosts().add(name, "192.0.2." + (10 + hostsPerEnvironment.get(e).size() + 10 * e), 22, "deploy",
                            home.resolve("no-such-key"), "/srv/stageboard");
                    catalog.environments().attachHost(environments.get(e).id(), host.id());
                    hostsPerEnvironment.get(e).add(host);
                }
            }
            List<Build> builds = new ArrayList<>();
            // A real build keeps its commit's message and time (catalog version 7: history search, lead time).
            Map<String, org.stageboard.core.CommitInfo> commitInfos = new java.util.HashMap<>();
            engine.commits(project, sizes.commits()).forEach(c -> commitInfos.put(c.sha(), c));
            int step = Math.max(1, sizes.commits() / sizes.builds());
            for (int i = 0; i < sizes.builds(); i++) {
                String commit = commits.get(Math.min(commits.size() - 1, i * step));
                String actor = AUTHORS[random.nextInt(AUTHORS.length)];
                Build build = catalog.builds().start(project.id(), commit, commit, "0".repeat(64), actor, null);
                if (commitInfos.containsKey(commit)) {
                    catalog.history().rememberCommit(project.id(), commitInfos.get(commit));
                }
                if (random.nextInt(12) == 0) {
                    builds.add(catalog.builds().fail(build.id(), 1, "step test: exit 1"));
                } else {
                    String sha = String.format("%064x", i + 1L);
                    catalog.artifacts().record(new Artifact(sha, project.id(), commit, 1_000_000L + i, home.resolve("artifacts/" + sha + ".tar.gz"), Instant.now()));
                    builds.add(catalog.builds().succeed(build.id(), 0, sha, "packed app.tar.gz"));
                }
                if ((i + 1) % 1000 == 0) {
                    log.accept("  " + (i + 1) + " builds");
                }
            }
            List<Build> good = builds.stream().filter(b -> b.artifactSha256() != null).toList();
            List<Release> releases = new ArrayList<>();
            for (int i = 0; i < sizes.releases(); i++) {
                int e = i % environments.size();
                Build build = good.get((int) ((long) i * good.size() / sizes.releases()));
                releases.add(catalog.releases().add(environments.get(e), build, configs.get(e), AUTHORS[random.nextInt(AUTHORS.length)]));
                if ((i + 1) % 5000 == 0) {
                    log.accept("  " + (i + 1) + " releases");
                }
            }
            for (int i = 0; i < sizes.runs(); i++) {
                Release release = releases.get((int) ((long) i * releases.size() / sizes.runs()));
                int e = (int) ((release.environmentId() - environments.get(0).id()));
                List<Host> hosts = hostsPerEnvironment.get(Math.max(0, Math.min(e, 2)));
                Host host = hosts.get(i % hosts.size());
                int roll = random.nextInt(20);
                RunKind kind = roll == 0 ? RunKind.ROLLBACK : roll == 1 ? RunKind.RESTART : RunKind.DEPLOY;
                RunStatus status = roll == 2 || roll == 3 ? RunStatus.FAILED : roll == 4 ? RunStatus.ROLLED_BACK : RunStatus.LIVE;
                catalog.runs().record(release.id(), host.id(), kind, status,
                        status == RunStatus.LIVE ? "live and healthy" : "health check failed: HTTP 500", AUTHORS[random.nextInt(AUTHORS.length)]);
                if ((i + 1) % 10000 == 0) {
                    log.accept("  " + (i + 1) + " runs");
                }
            }
            spreadTimes(catalog, project, start, end);
            catalog.jdbc().update("SET WRITE_DELAY 0");
            // As the run stage leaves it: a run that went live is superseded by the next one live on its host.
            for (long[] last : catalog.jdbc().query("SELECT host_id, MAX(id) FROM runs WHERE status = 'LIVE' GROUP BY host_id",
                    rs -> new long[] {rs.getLong(1), rs.getLong(2)})) {
                catalog.jdbc().update("UPDATE runs SET status = 'SUPERSEDED' WHERE host_id = ? AND status = 'LIVE' AND id < ?", last[0], last[1]);
            }
        }
        return home;
    }

    /** Spreads builds, releases and runs over the two years in id order (a run after its release, after its build). */
    private static void spreadTimes(Catalog catalog, Project project, Instant start, Instant end) {
        long seconds = Duration.between(start, end).getSeconds();
        for (String table : List.of("builds", "releases", "runs")) {
            String time = table.equals("releases") ? "created_at" : "started_at";
            String from = table.equals("builds") ? "builds WHERE project_id = " + project.id()
                    : table.equals("releases") ? "releases" : "runs";
            long[] range = catalog.jdbc().queryOne("SELECT MIN(id), MAX(id) FROM " + from,
                    rs -> new long[] {rs.getLong(1), rs.getLong(2)}).orElseThrow();
            long span = Math.max(1, range[1] - range[0]);
            // Builds lead, releases follow 20 minutes later, runs 5 more: lead time stays positive.
            long offset = table.equals("builds") ? 0 : table.equals("releases") ? 1200 : 1500;
            catalog.jdbc().update("UPDATE " + table + " SET " + time + " = DATEADD(SECOND, CAST((id - ?) * ? / ? AS BIGINT) + ?, CAST(? AS TIMESTAMP WITH TIME ZONE))"
                    + (table.equals("releases") ? "" : ", finished_at = DATEADD(SECOND, CAST((id - ?) * ? / ? AS BIGINT) + ? + 90, CAST(? AS TIMESTAMP WITH TIME ZONE))"),
                    table.equals("releases")
                            ? new Object[] {range[0], seconds - 3600, span, offset, start}
                            : new Object[] {range[0], seconds - 3600, span, offset, start, range[0], seconds - 3600, span, offset, start});
        }
    }

    /** A linear history of {@code count} commits on {@code main}, one file changed per commit, times spread evenly. */
    static List<String> writeCommits(Path dir, int count, Instant start, Instant end) throws IOException {
        Files.createDirectories(dir);
        List<String> shas = new ArrayList<>(count);
        try (Repository repository = FileRepositoryBuilder.create(dir.resolve(".git").toFile())) {
            repository.create();
            repository.updateRef(Constants.HEAD).link("refs/heads/main");
            long spacing = Math.max(1, Duration.between(start, end).getSeconds() / count);
            ObjectId parent = null;
            try (ObjectInserter inserter = repository.newObjectInserter()) {
                ObjectId build = inserter.insert(Constants.OBJ_BLOB, "#!/bin/sh\ntar czf app.tar.gz src\n".getBytes(StandardCharsets.UTF_8));
                for (int i = 0; i < count; i++) {
                    ObjectId blob = inserter.insert(Constants.OBJ_BLOB, ("version " + i + "\n").getBytes(StandardCharsets.UTF_8));
                    TreeFormatter src = new TreeFormatter();
                    src.append("VERSION", FileMode.REGULAR_FILE, blob);
                    ObjectId srcTree = inserter.insert(src);
                    TreeFormatter root = new TreeFormatter();
                    root.append("build.sh", FileMode.EXECUTABLE_FILE, build);
                    root.append("src", FileMode.TREE, srcTree);
                    ObjectId tree = inserter.insert(root);
                    String author = AUTHORS[i % AUTHORS.length];
                    PersonIdent ident = new PersonIdent(author, author + "@example.org", java.util.Date.from(start.plusSeconds(spacing * i)),
                            java.util.TimeZone.getTimeZone("UTC"));
                    CommitBuilder commit = new CommitBuilder();
                    commit.setTreeId(tree);
                    if (parent != null) {
                        commit.setParentId(parent);
                    }
                    commit.setAuthor(ident);
                    commit.setCommitter(ident);
                    commit.setMessage("Change " + i + ": " + MESSAGES[i % MESSAGES.length] + "\n");
                    parent = inserter.insert(commit);
                    shas.add(parent.name());
                }
                inserter.flush();
            }
            RefUpdate update = repository.updateRef("refs/heads/main");
            update.setNewObjectId(parent);
            update.setForceUpdate(true);
            RefUpdate.Result result = update.update();
            if (result != RefUpdate.Result.NEW && result != RefUpdate.Result.FORCED) {
                throw new IOException("could not point main at the last commit: " + result);
            }
        }
        return shas;
    }

    private static final String[] MESSAGES = {"log request ids", "cache the product list", "add a health endpoint",
            "fix the checkout total", "bump dependencies", "speed up search", "translate error pages", "retry payments once"};
}
