package org.stageboard.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.stageboard.core.Build;
import org.stageboard.core.Progress;
import org.stageboard.core.Project;
import org.stageboard.core.Recipe;
import org.stageboard.core.RecipeStep;
import org.stageboard.git.GitRepository;
import org.stageboard.pipeline.Stageboard;
import org.stageboard.pipeline.StageboardHome;
import org.stageboard.testing.GitFixture;

/**
 * Build benchmark (issue 7, Performance): two ratios measured side by side in one run, repeated
 * after a warm-up, reported as medians.
 * <ol>
 *   <li>a cached rebuild ({@link Stageboard#build} of a commit already built: same tree, same
 *       recipe) ÷ the cold build of the same commit (the same call with the cache bypassed, which
 *       exports, runs the recipe and packs); target ≤ 0.02. The sample project is 300 Java
 *       classes with a recipe of two steps: {@code javac} then {@code jar}.</li>
 *   <li>exporting a 5,000-file commit tree ({@link GitRepository#exportTree}) ÷ {@code git archive}
 *       of the same commit piped into {@code tar -x} (the same files on disk); target ≤ 1.5.</li>
 * </ol>
 * Targets are printed PASS/MISS; the exit code is 0 whatever they are (these machines are noisy).
 * Run it with {@code bench/build-benchmark.sh [--reps N] [--keep]}.
 */
public final class BuildBenchmark {

    public static void main(String[] args) throws Exception {
        int reps = 5;
        boolean keep = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--reps" -> reps = Integer.parseInt(args[++i]);
                case "--keep" -> keep = true;
                default -> throw new IllegalArgumentException("unknown option " + args[i] + " (use --reps N, --keep)");
            }
        }
        Path work = Files.createTempDirectory("stageboard-build-bench-");
        System.out.println("build benchmark in " + work + ", " + reps + " repetitions after a warm-up, medians");
        System.out.println(ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME) + ", " + Runtime.getRuntime().availableProcessors()
                + " cores, Java " + System.getProperty("java.version") + ", " + System.getProperty("os.name") + " " + System.getProperty("os.version"));
        try {
            double[] cache = cachedVersusCold(work, reps);
            double[] export = exportVersusArchive(work, reps);
            System.out.printf("median of the per-round ratios: cached ÷ cold %.3f, export ÷ git archive %.3f%n", cache[2], export[2]);
            System.out.println();
            System.out.println("| measure (target) | Stageboard / baseline | ratio |");
            System.out.println("|---|---|---|");
            row("cached rebuild ÷ cold build of the same commit (≤ 0.02)", cache, 0.02);
            row("export of a 5,000-file commit ÷ `git archive | tar -x` (≤ 1.5)", export, 1.5);
        } finally {
            if (!keep) {
                deleteTree(work);
            } else {
                System.out.println("kept " + work);
            }
        }
    }

    private static void row(String what, double[] m, double target) {
        double ratio = m[0] / m[1];
        System.out.printf("| %s | %s / %s | %.3f %s |%n", what, time(m[0]), time(m[1]), ratio, ratio <= target ? "PASS" : "MISS");
    }

    private static String time(double seconds) {
        return seconds < 1 ? String.format("%.1f ms", seconds * 1000) : String.format("%.2f s", seconds);
    }

    /** Medians {cached, cold}, in seconds. */
    private static double[] cachedVersusCold(Path work, int reps) throws Exception {
        Map<String, String> files = new HashMap<>();
        for (int i = 0; i < 300; i++) {
            files.put("src/demo/C" + i + ".java", "package demo;\n\npublic class C" + i + " {\n"
                    + "    public static int value(int x) {\n        return " + (i == 0 ? "x" : "C" + (i - 1) + ".value(x) + " + i) + ";\n    }\n\n"
                    + "    public String describe() {\n        return \"C" + i + " \" + value(" + i + ");\n    }\n}\n");
        }
        try (GitFixture repo = GitFixture.init(work.resolve("java-app"));
             Stageboard engine = Stageboard.open(new StageboardHome(work.resolve("home")))) {
            String sha = repo.commitFiles("300 classes", files);
            Project project = engine.addProject("bench", repo.dir(), "main", new Recipe(List.of(
                    new RecipeStep("compile", "mkdir -p out && javac -d out $(find src -name '*.java')"),
                    new RecipeStep("package", "jar --create --file app.jar -C out .")), List.of("app.jar"), Map.of(), List.of()));
            List<Double> cold = new ArrayList<>();
            List<Double> cached = new ArrayList<>();
            for (int i = 0; i <= reps; i++) {
                double c = seconds(() -> engine.build(project, sha, false, Progress.NONE), b -> !b.succeeded() || b.cached());
                double h = seconds(() -> engine.build(project, sha, true, Progress.NONE), b -> !b.cached());
                if (i > 0) { // the first round warms the JVM up
                    cold.add(c);
                    cached.add(h);
                }
                System.out.printf("  build round %d: cold %s, cached %s%s%n", i, time(c), time(h), i == 0 ? " (warm-up)" : "");
            }
            return new double[] {median(cached), median(cold), medianRatio(cached, cold)};
        }
    }

    private static double seconds(Supplier<Build> build, java.util.function.Predicate<Build> wrong) {
        long start = System.nanoTime();
        Build b = build.get();
        double s = (System.nanoTime() - start) / 1e9;
        if (wrong.test(b)) {
            throw new IllegalStateException("build #" + b.number() + " is not what the benchmark expects: " + b.status() + " " + b.message());
        }
        return s;
    }

    /** Medians {Stageboard export, git archive | tar -x}, in seconds. */
    private static double[] exportVersusArchive(Path work, int reps) throws Exception {
        Path repoDir = work.resolve("many-files");
        String sha;
        try (GitFixture repo = GitFixture.init(repoDir)) {
            Map<String, String> files = new HashMap<>();
            StringBuilder filler = new StringBuilder();
            for (int i = 0; i < 40; i++) {
                filler.append("line ").append(i).append(" of a typical source file, some forty bytes\n");
            }
            for (int i = 0; i < 5000; i++) {
                files.put("module" + (i % 50) + "/pkg" + (i % 7) + "/File" + i + ".txt", "file " + i + "\n" + filler);
            }
            sha = repo.commitFiles("5000 files", files);
        }
        run(repoDir, "git", "gc", "-q"); // a packed repository, as most are
        List<Double> ours = new ArrayList<>();
        List<Double> theirs = new ArrayList<>();
        for (int i = 0; i <= reps; i++) {
            // Alternate which goes first, and flush what the file system still has to write before
            // each (untimed `sync`), so that neither pays for the other's write-back.
            double s = 0;
            double g = 0;
            for (int k = 0; k < 2; k++) {
                run(repoDir, "sync");
                if ((i + k) % 2 == 0) {
                    Path a = work.resolve("export-" + i);
                    long start = System.nanoTime();
                    int count;
                    try (GitRepository git = GitRepository.open(repoDir)) {
                        count = git.exportTree(sha, a, Progress.NONE).files();
                    }
                    s = (System.nanoTime() - start) / 1e9;
                    if (count != 5000) {
                        throw new IllegalStateException("exported " + count + " files, not 5000");
                    }
                } else {
                    Path b = work.resolve("archive-" + i);
                    Files.createDirectories(b);
                    long start = System.nanoTime();
                    run(repoDir, "sh", "-c", "git archive --format=tar " + sha + " | tar -x -C '" + b + "'");
                    g = (System.nanoTime() - start) / 1e9;
                }
            }
            if (i > 0) {
                ours.add(s);
                theirs.add(g);
            }
            System.out.printf("  export round %d: Stageboard %s, git archive | tar -x %s%s%n", i, time(s), time(g), i == 0 ? " (warm-up)" : "");
        }
        return new double[] {median(ours), median(theirs), medianRatio(ours, theirs)};
    }

    private static void run(Path dir, String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited with " + p.exitValue());
        }
    }

    /** The median of a[i] ÷ b[i]: each round's ratio, less swayed by a round the machine was busy. */
    private static double medianRatio(List<Double> a, List<Double> b) {
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            ratios.add(a.get(i) / b.get(i));
        }
        return median(ratios);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
