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
