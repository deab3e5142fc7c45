package org.stageboard.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.stageboard.core.Environment;
import org.stageboard.core.Host;
import org.stageboard.core.StageboardException;
import org.stageboard.core.LockInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "lock", description = "See who holds an environment's deploy lock on its hosts, and break a stale one.",
        subcommands = {LockCommand.Show.class, LockCommand.Break.class})
final class LockCommand {

    @Command(name = "show", description = "Read the lock from each host: holder, release, since, heartbeat age, STALE and why; or free.")
    static final class Show implements Callable<Integer> {
        private final CliContext context;

        @Mixin
        ProjectOption project;

        @Mixin
        ConfigCommand.EnvOption env;

        @Option(names = "--host", paramLabel = "HOST", description = "Only this host (default: every host of the environment).")
        String host;

        Show(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            Environment e = context.environment(project.name, env.name);
            List<Host> hosts = context.hosts(e, host);
            context.unlockKeys(hosts);
            int code = 0;
            for (Host h : hosts) {
                try {
                    List<String> lines = Hosts.lockDetails(context.engine().lock(e, h).orElse(null));
                    context.out().println(h.name() + "  " + e.name() + "  " + lines.get(0));
                    lines.stream().skip(1).forEach(context.out()::println);
                } catch (StageboardException ex) {
                    context.out().println(h.name() + "  " + e.name() + "  could not be read");
                    context.err().println("error: " + h.name() + ": " + ex.getMessage());
                    code = StageboardCli.FAILED;
                }
            }
            return code;
        }
    }

    @Command(name = "break", description = {"Break the lock on one host, the explicit action for a lock left by a run that is gone.",
            "Shows the holder first and asks (unless --yes); breaks it only if that holder still holds it."})
    static final class Break implements Callable<Integer> {
        private final CliContext context;

        @Mixin
        ProjectOption project;

        @Mixin
        ConfigCommand.EnvOption env;

        @Option(names = "--host", required = true, paramLabel = "HOST", description = "The host whose lock to break.")
        String host;

        @Option(names = {"-y", "--yes"}, description = "Do not ask: break the lock held by the holder shown.")
        boolean yes;

        Break(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            Environment e = context.environment(project.name, env.name);
            Host h = context.hosts(e, host).get(0);
            context.unlockKeys(List.of(h));
            LockInfo lock = context.engine().lock(e, h).orElse(null);
            if (lock == null) {
                context.out().println(h.name() + "  " + e.name() + "  free: nothing to break");
                return 0;
            }
            List<String> lines = Hosts.lockDetails(lock);
            context.out().println(h.name() + "  " + e.name() + "  " + lines.get(0));
            lines.stream().skip(1).forEach(context.out()::println);
            context.out().flush();
            String holder = lock.holder() == null ? "an unknown holder" : lock.holder();
            if (!lock.stale()) {
                context.err().println("warning: the lock does not look stale: a run may still be deploying there, and breaking the lock"
                        + " would let two runs switch the host at once.");
            }
            if (!yes && !context.confirm("Break the lock held by " + holder + "?")) {
                context.err().println("error: not broken: answer y to break it, or pass --yes.");
                return StageboardCli.FAILED;
            }
            boolean broken = context.engine().breakLock(e, h, lock.holder());
            context.out().println(broken ? "broke the lock held by " + holder + " on " + h.name()
                    + " (recorded in the host's ledger)" : "the lock on " + h.name() + " was already gone");
            return 0;
        }
    }
}
