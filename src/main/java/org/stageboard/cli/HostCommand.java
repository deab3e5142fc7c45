package org.stageboard.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.stageboard.core.Host;
import org.stageboard.pipeline.HostKeyCheck;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "host", description = "Add and list hosts; check and trust their SSH host keys.",
        subcommands = {HostCommand.Add.class, HostCommand.ListHosts.class, HostCommand.Check.class, HostCommand.Trust.class})
final class HostCommand {

    @Command(name = "add", description = "Add a host reachable by SSH with a key. Trust its host key next with 'host trust'.")
    static final class Add implements Callable<Integer> {
        private final CliContext context;

        @Parameters(paramLabel = "NAME")
        String name;

        @Option(names = "--address", required = true, paramLabel = "HOST", description = "Host name or IP address.")
        String address;

        @Option(names = "--port", defaultValue = "22")
        int port;

        @Option(names = "--user", required = true)
        String user;

        @Option(names = "--key", required = true, paramLabel = "FILE", description = "Private key file to log in with.")
        Path key;

        @Option(names = "--base-dir", defaultValue = "/srv/stageboard", paramLabel = "DIR", description = "Folder on the host that holds the deployments.")
        String baseDir;

        Add(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            Host host = context.engine().addHost(name, address, port, user, key, baseDir);
            context.out().println("added host " + host.name() + " (" + host.display() + "); next: 'stageboard host trust " + host.name() + "'");
            return 0;
        }
    }

    @Command(name = "list", description = "List hosts with their pinned key fingerprints.")
    static final class ListHosts implements Callable<Integer> {
        private final CliContext context;

        ListHosts(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            for (Host h : context.engine().hosts()) {
                context.out().println(h.name() + "  " + h.display() + "  base " + h.baseDir() + "  key "
                        + (h.hostKeyFingerprint() == null ? "(not trusted yet)" : h.hostKeyFingerprint()));
            }
            return 0;
        }
    }

    @Command(name = "check", description = "Show the key the host presents and whether it matches the pinned one (exit 1 unless trusted).")
    static final class Check implements Callable<Integer> {
        private final CliContext context;

        @Parameters(paramLabel = "NAME")
        String name;

        Check(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            HostKeyCheck check = context.engine().checkHostKey(context.engine().host(name));
            print(context, check);
            return check.status() == HostKeyCheck.Status.TRUSTED ? 0 : StageboardCli.FAILED;
        }
    }

    @Command(name = "trust", description = {"Trust the host's key: an explicit action.",
            "Without --fingerprint it shows the key's fingerprint; compare it with the server's own",
            "('ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub' on the host), then run again with --fingerprint."})
    static final class Trust implements Callable<Integer> {
        private final CliContext context;

        @Parameters(paramLabel = "NAME")
        String name;

        @Option(names = "--fingerprint", paramLabel = "SHA256:...", description = "The fingerprint you checked and trust.")
        String fingerprint;

        Trust(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            Host host = context.engine().host(name);
            if (fingerprint == null) {
                HostKeyCheck check = context.engine().checkHostKey(host);
                print(context, check);
                if (check.status() == HostKeyCheck.Status.TRUSTED) {
                    return 0;
                }
                context.err().println("error: not trusted yet. If this is the host's real key, run: stageboard host trust " + name
                        + " --fingerprint " + check.fingerprint());
                return StageboardCli.FAILED;
            }
            Host trusted = context.engine().trustHostKey(host, fingerprint.strip());
            context.out().println("trusted " + trusted.name() + " key " + trusted.hostKeyFingerprint());
            return 0;
        }
    }

    static void print(CliContext context, HostKeyCheck check) {
        context.out().println(check.hostName() + " presents " + check.keyType() + " key " + check.fingerprint() + ": " + switch (check.status()) {
            case TRUSTED -> "trusted (matches the pinned key)";
            case UNKNOWN -> "NOT TRUSTED (no key pinned yet)";
            case CHANGED -> "CHANGED! pinned was " + check.pinnedFingerprint()
                    + " - someone may be intercepting the connection, or the host was reinstalled";
        });
    }
}
