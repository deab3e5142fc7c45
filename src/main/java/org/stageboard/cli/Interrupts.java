package org.stageboard.cli;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Ctrl-C while a command runs: the command is asked to stop and to clean up on the host before
 * the process ends. SIGINT, SIGTERM and SIGHUP are caught so that the JVM does not start shutting
 * down: its shutdown hooks run all at once, and H2's would close the catalog before the cancelled
 * run is recorded. A shutdown hook covers every other way the JVM ends (or a JVM where signals
 * cannot be caught): it cancels too and waits, up to {@link #CLEANUP_WAIT}, until {@link #close()}
 * says the command has finished; {@code main} must close this before it calls {@code System.exit},
 * which would otherwise block behind the waiting hook.
 */
final class Interrupts implements AutoCloseable {

    static final Duration CLEANUP_WAIT = Duration.ofSeconds(120);
    private static final String[] SIGNALS = {"INT", "TERM", "HUP"};

    private final BooleanSupplier cancel;
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Map<Signal, SignalHandler> previous = new LinkedHashMap<>();
    private final Thread hook = new Thread(this::onShutdown, "stageboard-cancel-on-exit");

    /**
     * {@code cancel} is asked on every signal: true when the running command will stop and clean
     * up (so the process waits for it), false when there is nothing to clean up (the process exits now).
     */
    private Interrupts(BooleanSupplier cancel) {
        this.cancel = cancel;
    }

    static Interrupts install(BooleanSupplier cancel) {
        Interrupts interrupts = new Interrupts(cancel);
        Runtime.getRuntime().addShutdownHook(interrupts.hook);
        for (String name : SIGNALS) {
            try {
                Signal signal = new Signal(name);
                interrupts.previous.put(signal, Signal.handle(signal, interrupts::onSignal));
            } catch (IllegalArgumentException | UnsupportedOperationException e) {
                // Used by the JVM here (-Xrs) or unknown on this OS: the shutdown hook covers it.
            }
        }
        return interrupts;
    }

    private void onSignal(Signal signal) {
        if (finished.getCount() > 0 && !cancel.getAsBoolean()) {
            System.exit(StageboardCli.CANCELLED);
        }
    }

    private void onShutdown() {
        if (finished.getCount() > 0 && cancel.getAsBoolean()) {
            try {
                finished.await(CLEANUP_WAIT.toSeconds(), TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The command has finished: signals work as before, and a waiting shutdown hook lets the JVM end. */
    @Override
    public void close() {
        previous.forEach((signal, handler) -> {
            try {
                Signal.handle(signal, handler);
            } catch (IllegalArgumentException e) {
                // Nothing to restore.
            }
        });
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is shutting down and the hook is waiting for us: counting down lets it end.
        }
        finished.countDown();
    }
}
