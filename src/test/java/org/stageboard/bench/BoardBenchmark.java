package org.stageboard.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Board benchmark (issue 8, Performance), measured side by side in one run and repeated,
 * reported as medians of per-round ratios:
 * <ol>
 *   <li>cold start of the app to an interactive board on the large catalog (a fresh JVM running
 *       {@code org.stageboard.app.Launcher} until the board has drawn the project's lanes and
 *       reports ready) ÷ the cold start of a bare JavaFX window ({@link BareWindow}) in a fresh
 *       JVM with the same flags; target ≤ 1.5;</li>
 *   <li>the heap the app uses once the board is loaded (after a full GC); target ≤ 350 MB.</li>
 * </ol>
 * Each round also starts {@link ControlsWindow}, the app's window without the app (the board's FXML
 * and stylesheets in AtlantaFX's theme, filled with the same kinds and number of controls, no
 * catalog, no git, no view models): its start ÷ the bare window's is the floor that JavaFX's controls
 * put under the first ratio on this machine before any of the app's code runs.
 * Each round also starts the app on a small catalog (5 commits, 3 builds, 3 releases, 3 runs, the
 * same three environments and four hosts) with the same options: the large catalog's start ÷ the
 * small one's says what the catalog's size costs at start, apart from what opening the app costs at all.
 * The third target (a history filter through the app ÷ the same SQL on raw H2) has its own
 * command, {@code bench/history-benchmark.sh} ({@link HistoryBenchmark}).
 * Both windows run the same way: under {@code DISPLAY} if one is set, else headless (Monocle).
 * The large catalog is generated first when the folder does not hold one ({@link LargeCatalog}).
 * Run it with {@code bench/board-benchmark.sh [--reps N] [FOLDER]}.
 */
public final class BoardBenchmark {

    public static void main(String[] args) throws Exception {
        int reps = 3;
        Path folder = Path.of(System.getProperty("java.io.tmpdir"), "stageboard-large-catalog");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--reps" -> reps = Integer.parseInt(args[++i]);
                default -> folder = Path.of(args[i]);
            }
        }
        folder = folder.toAbsolutePath();
        System.out.println("board benchmark on " + folder + ", " + reps + " rounds after a warm-up, medians");
        System.out.println(ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME) + ", " + Runtime.getRuntime().availableProcessors()
                + " cores, Java " + System.getProperty("java.version") + ", " + (System.getenv("DISPLAY") != null ? "DISPLAY " + System.getenv("DISPLAY") : "headless (Monocle)"));
        Path home = folder.resolve("home");
        if (!Files.exists(home.resolve("catalog"))) {
            LargeCatalog.generate(folder, LargeCatalog.Sizes.ISSUE, System.out::println);
        }
        Path small = folder.resolve("small").resolve("home");
        if (!Files.exists(small.resolve("catalog"))) {
            LargeCatalog.generate(folder.resolve("small"), SMALL, line -> { });
        }
        List<String> options = org.stageboard.app.JvmOptions.read(Path.of("packaging/jvm.options"));
        System.out.println("the window's JVM options (packaging/jvm.options), given to both: " + String.join(" ", options));
        System.out.println("each round also starts both without them (the JVM's defaults), for comparison");
        start(List.of("org.stageboard.bench.BareWindow"), null, options);
        start(List.of("org.stageboard.app.Launcher"), home, options);
        start(List.of("org.stageboard.bench.ControlsWindow"), null, options);
        Series product = new Series(reps);
        Series defaults = new Series(reps);
        double[] smallApp = new double[reps];
        double[] controls = new double[reps];
        double[] frame = new double[reps];
        double[] frameFloor = new double[reps];
        double[] floor = new double[reps];
        double[] overFloor = new double[reps];
        double[] scale = new double[reps];
        long heap = 0;
        for (int r = 0; r < reps; r++) {
            heap = Math.max(heap, product.round(r, home, options));
            smallApp[r] = start(List.of("org.stageboard.app.Launcher"), small, options).seconds();
            controls[r] = start(List.of("org.stageboard.bench.ControlsWindow"), null, options).seconds();
            floor[r] = controls[r] / product.bare[r];
            List<String> frameOnly = new ArrayList<>(options);
            frameOnly.add("-D" + ControlsWindow.FRAME_ONLY + "=true");
            frame[r] = start(List.of("org.stageboard.bench.ControlsWindow"), null, frameOnly).seconds();
            frameFloor[r] = frame[r] / product.bare[r];
            overFloor[r] = product.app[r] / controls[r];
            scale[r] = product.app[r] / smallApp[r];
            heap = Math.max(heap, defaults.round(r, home, List.of()));
            System.out.printf("round %d: with the options app %.2f s, bare %.2f s, ratio %.2f, app on the small catalog %.2f s; with the JVM's defaults"
                    + " app %.2f s, bare %.2f s, ratio %.2f; the board's controls without the app %.2f s, its frame alone %.2f s; heap %d MB%n", r + 1, product.app[r], product.bare[r], product.ratios[r], smallApp[r],
                    defaults.app[r], defaults.bare[r], defaults.ratios[r], controls[r], frame[r], heap / (1024 * 1024));
        }
        System.out.println();
        System.out.println("| measure (target) | Stageboard / baseline | ratio |");
        System.out.println("|---|---|---|");
        System.out.printf("| cold start to an interactive board on the large catalog ÷ a bare JavaFX window, the window's JVM options (≤ 1.5) | %.2f s / %.2f s | %.2f %s |%n",
                median(product.app), median(product.bare), median(product.ratios), median(product.ratios) <= 1.5 ? "PASS" : "MISS");
        System.out.printf("| the same with the JVM's default options (≤ 1.5) | %.2f s / %.2f s | %.2f %s |%n",
                median(defaults.app), median(defaults.bare), median(defaults.ratios), median(defaults.ratios) <= 1.5 ? "PASS" : "MISS");
        System.out.printf("| (not a target) the same start on the large catalog ÷ on a 5-commit catalog: what the catalog's size costs | %.2f s / %.2f s | %.2f |%n",
                median(product.app), median(smallApp), median(scale));
        System.out.printf("| (not a target) the board's controls in the app's theme without the app (%s) ÷ a bare JavaFX window: the floor under the first ratio | %.2f s / %.2f s | %.2f |%n",
                "ControlsWindow", median(controls), median(product.bare), median(floor));
        System.out.printf("| (not a target) the same window's frame alone, without a card or a commit (%s) ÷ a bare JavaFX window | %.2f s / %.2f s | %.2f |%n",
                "ControlsWindow, " + ControlsWindow.FRAME_ONLY, median(frame), median(product.bare), median(frameFloor));
        System.out.printf("| (not a target) the app on the large catalog ÷ its controls without the app: what the app's own code costs | %.2f s / %.2f s | %.2f |%n",
                median(product.app), median(controls), median(overFloor));
        System.out.printf("| heap after the board is loaded (≤ 350 MB) | %d MB | %s |%n", heap / (1024 * 1024), heap <= 350L * 1024 * 1024 ? "PASS" : "MISS");
    }

    /** The small catalog the large one's start is compared with: the same environments and hosts, a handful of items. */
    static final LargeCatalog.Sizes SMALL = new LargeCatalog.Sizes(5, 3, 3, 3);

    /** One configuration's rounds: the app's and the bare window's start, and their ratio per round. */
    private static final class Series {
        final double[] bare;
        final double[] app;
        final double[] ratios;

        Series(int reps) {
            bare = new double[reps];
            app = new double[reps];
            ratios = new double[reps];
        }

        /** Starts the bare window then the app with the options; returns the app's heap. */
        long round(int r, Path home, List<String> options) throws IOException, InterruptedException {
            bare[r] = start(List.of("org.stageboard.bench.BareWindow"), null, options).seconds();
            Start started = start(List.of("org.stageboard.app.Launcher"), home, options);
            app[r] = started.seconds();
            ratios[r] = app[r] / bare[r];
            return started.heapBytes();
        }
    }

    record Start(double seconds, long heapBytes) {
    }

    /** Starts a fresh JVM with the same classpath, flags and JVM options; returns the time until it printed its ready line. */
    static Start start(List<String> main, Path home, List<String> options) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(options);
        if (System.getenv("DISPLAY") == null) {
            command.addAll(Arrays.asList("-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw", "-Dprism.text=t2k"));
        } else {
            command.add("-Dprism.order=sw");
        }
        command.add("-Dstageboard.readyProbe=exit");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.addAll(main);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (home != null) {
            builder.environment().put("STAGEBOARD_HOME", home.toString());
        }
        long t0 = System.nanoTime();
        Process process = builder.start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            double seconds = -1;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("stageboard-start ")) {
                    System.out.println("    " + line);
                }
                if (line.startsWith("bare-ready") || line.startsWith("controls-ready") || line.startsWith("stageboard-ready")) {
                    seconds = (System.nanoTime() - t0) / 1e9;
                }
                // The app then prints the heap after a full GC (not part of its start); the bare and controls windows print none.
                if (line.startsWith("bare-ready") || line.startsWith("controls-ready") || line.startsWith("stageboard-heap")) {
                    long heap = line.contains("heap=") ? Long.parseLong(line.substring(line.indexOf("heap=") + 5).strip()) : 0;
                    if (!process.waitFor(60, TimeUnit.SECONDS)) {
                        process.destroyForcibly();
                    }
                    return new Start(seconds, heap);
                }
            }
        } finally {
            process.destroyForcibly();
        }
        throw new IllegalStateException(String.join(" ", main) + " exited with " + process.waitFor() + " before it was ready");
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }
}
