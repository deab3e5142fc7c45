package org.stageboard.app;

import java.lang.management.ManagementFactory;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.scene.Scene;
import org.stageboard.pipeline.BoardSnapshot;
import org.stageboard.ui.AfterLayout;
import org.stageboard.ui.MainViewModel;

/**
 * For the board benchmark (bench/board-benchmark.sh): with {@code -Dstageboard.readyProbe=print}
 * or {@code =exit}, prints {@code stageboard-ready} once the first project's board has been read
 * and laid out (after the layout pass of the first pulse once its snapshot arrived), then {@code stageboard-heap heap=<bytes>},
 * the heap in use after a full GC; with {@code exit} the app then quits. Without the property it
 * does nothing.
 */
final class ReadyProbe {

    static final String PROPERTY = "stageboard.readyProbe";

    private ReadyProbe() {
    }

    /** With the probe on, prints how long after the JVM started a point of the start was reached. */
    static void mark(String what) {
        String mode = System.getProperty(PROPERTY);
        if (mode != null && !mode.isBlank()) {
            // With the CPU time of the thread that got there and of the whole process: on a busy machine they say more than the clock.
            long process = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                    ? os.getProcessCpuTime() / 1_000_000 : -1;
            System.out.println("stageboard-start " + what + " at " + (System.currentTimeMillis()
                    - ManagementFactory.getRuntimeMXBean().getStartTime()) + " ms (cpu: " + Thread.currentThread().getName() + " "
                    + ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() / 1_000_000 + " ms, process " + process + " ms)");
        }
    }

    /**
     * Where the start's processor time went: the CPU each thread of the process used so far, by
     * thread name (the JIT compilers' threads included, which no Java API shows), read from
     * {@code /proc/self/task} in Linux's 100 Hz clock ticks. Prints nothing elsewhere.
     */
    static void threads() {
        java.util.Map<String, Long> byName = new java.util.TreeMap<>();
        try (var tasks = java.nio.file.Files.list(java.nio.file.Path.of("/proc/self/task"))) {
            for (java.nio.file.Path task : (Iterable<java.nio.file.Path>) tasks::iterator) {
                String stat = java.nio.file.Files.readString(task.resolve("stat"));
                String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replaceAll("[0-9]+$", "#");
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                byName.merge(name, (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10, Long::sum);
            }
        } catch (java.io.IOException | RuntimeException e) {
            return;
        }
        System.out.println("stageboard-start threads " + byName);
    }

    /** The nodes of the window once ready, by kind: what its layout and CSS had to go through. */
    private static int count(javafx.scene.Node node, java.util.Map<String, Integer> kinds) {
        kinds.merge(node.getClass().getSimpleName(), 1, Integer::sum);
        int n = 1;
        if (node instanceof javafx.scene.Parent parent) {
            for (javafx.scene.Node child : parent.getChildrenUnmodifiable()) {
                n += count(child, kinds);
            }
        }
        return n;
    }

    static void install(MainViewModel model, Scene scene) {
        String mode = System.getProperty(PROPERTY);
        if (mode == null || mode.isBlank()) {
            return;
        }
        ChangeListener<BoardSnapshot> listener = new ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends BoardSnapshot> seen, BoardSnapshot before, BoardSnapshot now) {
                if (now == null) {
                    return;
                }
                seen.removeListener(this);
                mark("board snapshot arrived");
                // Ready once a pulse has laid the board out (its CSS and layout done), as the bare window's first pulse after show.
                AfterLayout.once(scene, () -> {
                    // Ready is said first: the full GC that measures the heap is not part of the start.
                    System.out.println("stageboard-ready");
                    System.out.flush();
                    mark("ready");
                    threads();
                    java.util.Map<String, Integer> kinds = new java.util.TreeMap<>();
                    int total = count(scene.getRoot(), kinds);
                    System.out.println("stageboard-start nodes " + total + " " + kinds);
                    System.gc();
                    long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
                    System.out.println("stageboard-heap heap=" + heap);
                    System.out.flush();
                    if (mode.equals("exit")) {
                        Platform.exit();
                    }
                });
            }
        };
        model.board().snapshotProperty().addListener(listener);
    }
}
