package org.stageboard.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.stageboard.core.ConnectionCheck;
import org.stageboard.core.Host;
import org.stageboard.pipeline.HostKeyCheck;
import org.stageboard.core.StageboardException;
import org.stageboard.core.KeyPassphraseException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "host", description = "Add, edit, remove and list hosts; check and trust their SSH host keys.",
        subcommands = {HostCommand.Add.class, HostCommand.Edit.class, HostCommand.Remove.class, HostCommand.ListHosts.class,
                HostCommand.Check.class, HostCommand.Trust.class})
final class HostCommand {

    /** How a key's passphrase is given: asked at a terminal, or read from stdin; stored only when asked. */
    static final class PassphraseOptions {
        @Option(names = "--passphrase-stdin", description = "Read the key's passphrase from the first line of stdin (else it is asked for at a terminal,"
                + " or taken from $STAGEBOARD_KEY_PASSPHRASE when used).")
        boolean fromStdin;

        @Option(names = "--store-passphrase", description = "Keep the passphrase in the catalog, sealed with its secret key, so deploys need not ask"
                + " (by default it is never stored).")
        boolean store;

        /** The passphrase for the key when it has one and the user gives it here; else null. */
        char[] read(CliContext context, Path key) {
            try {
                context.engine().inspectKey(key, null);
                if (fromStdin || store) {
                    throw new StageboardException("The key " + key + " has no passphrase: leave out --passphrase-stdin and --store-passphrase.");
                }
                return null;
            } catch (KeyPassphraseException e) {
                char[] passphrase = context.passphrase("Passphrase for " + key + ": ", fromStdin);
                if (passphrase == null && store) {
                    throw new StageboardException("--store-passphrase needs the passphrase: give it with --passphrase-stdin (no terminal to ask at).");
                }
                if (passphrase == null) {
                    context.err().println("note: " + key + " has a passphrase; give it when the host is used ($STAGEBOARD_KEY_PASSPHRASE,"
                            + " or at a terminal), or store it: 'stageboard host edit NAME --store-passphrase --passphrase-stdin'");
                }
                return passphrase;
            }
        }
    }

    @Command(name = "add", description = {"Add a host reachable by SSH with a key. Trust its host key next with 'host trust'.",
            "A key with a passphrase: it is asked for at a terminal (or read with --passphrase-stdin) and checked; never stored unless --store-passphrase."})
    static final class Add implements Callable<Integer> {
        private final CliContext context;

        @Parameters(paramLabel = "NAME", description = "Host name in Stageboard (lower-case letters, digits, '.', '_', '-').")
        String name;

        @Option(names = "--address", required = true, paramLabel = "HOST", description = "Host name or IP address, without port or user (e.g. vps1.example.com).")
        String address;

        @Option(names = "--port", defaultValue = "22", paramLabel = "PORT", description = "SSH port, 1-65535 (default: ${DEFAULT-VALUE}).")
        int port;

        @Option(names = "--user", required = true, paramLabel = "USER", description = "User to log in as (e.g. deploy).")
        String user;

        @Option(names = "--key", required = true, paramLabel = "FILE", description = "Private key file to log in with (e.g. ~/.ssh/id_ed25519).")
        Path key;

        @Option(names = "--base-dir", defaultValue = "/srv/stageboard", paramLabel = "DIR",
                description = "Folder on the host that holds the deployments (default: ${DEFAULT-VALUE}).")
        String baseDir;

        @Mixin
        PassphraseOptions passphrase;

        Add(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            char[] secret = passphrase.read(context, key);
            Host host = context.engine().addHost(name, address, port, user, key, baseDir, secret, passphrase.store);
            context.out().println("added host " + host.name() + " (" + host.display() + ")" + (passphrase.store ? ", key passphrase stored sealed" : "")
                    + "; next: 'stageboard host trust " + host.name() + "'");
            return 0;
        }
    }

    @Command(name = "edit", description = {"Change how a host is reached: address, port, user, key, base folder; options not given stay.",
            "A new address or port un-pins the host key: trust it again ('host trust') before the next deploy."})
    static final class Edit implements Callable<Integer> {
        private final CliContext context;

        @Parameters(paramLabel = "NAME", description = "The host to change.")
        String name;

        @Option(names = "--address", paramLabel = "HOST", description = "New host name or IP address, without port or user.")
        String address;

        @Option(names = "--port", paramLabel = "PORT", description = "New SSH port, 1-65535.")
        Integer port;

        @Option(names = "--user", paramLabel = "USER", description = "New user to log in as.")
        String user;

        @Option(names = "--key", paramLabel = "FILE", description = "New private key file.")
        Path key;

        @Option(names = "--base-dir", paramLabel = "DIR", description = "New folder on the host for the deployments (what the old one holds is not moved).")
        String baseDir;

        @Mixin
        PassphraseOptions passphrase;

        @Option(names = "--forget-passphrase", description = "Remove the key's stored passphrase from the catalog.")
        boolean forget;

        Edit(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            Host before = context.engine().host(name);
            boolean anyField = address != null || port != null || user != null || key != null || baseDir != null;
            if (!anyField && !passphrase.store && !passphrase.fromStdin && !forget) {
                throw new StageboardException("Nothing to change: give at least one option (see 'stageboard host edit --help').");
            }
            Host host = anyField ? context.engine().updateHost(before, address, port, user, key, baseDir) : before;
            if (forget) {
                host = context.engine().storeKeyPassphrase(host, null);
                context.out().println("stored passphrase forgotten");
            }
            if (passphrase.store || passphrase.fromStdin) {
                char[] secret = passphrase.read(context, host.privateKey());
                if (secret != null) {
                    if (passphrase.store) {
                        host = context.engine().storeKeyPassphrase(host, secret);
                        context.out().println("key passphrase checked and stored sealed");
                    } else {
                        context.engine().unlockKey(host, secret);
                        context.out().println("key passphrase checked (not stored)");
                    }
                }
            }
            context.out().println("host " + host.name() + " (" + host.display() + ", key " + host.privateKey() + ", base " + host.baseDir() + ")");
            if (before.hostKeyFingerprint() != null && host.hostKeyFingerprint() == null) {
                context.out().println("the address changed, so its host key is no longer trusted (was " + before.hostKeyFingerprint()
                        + "): check and trust the new one with 'stageboard host trust " + host.name() + "' before the next deploy");
            }
            return 0;
        }
    }

    @Command(name = "remove", description = {"Remove a host. Refused while an environment runs on it ('env detach' first);",
            "with runs in the history, refused unless --force. What runs on the machine is left as it is."})
    static final class Remove implements Callable<Integer> {
        private final CliContext context;

        @Parameters(paramLabel = "NAME", description = "The host to remove.")
        String name;

        @Option(names = "--force", description = "Remove it even though it has runs in the history (they are deleted).")
        boolean force;

        Remove(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            context.engine().removeHost(context.engine().host(name), force);
            context.out().println("removed host " + name);
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

    @Command(name = "check", description = {"Show the key the host presents and whether it matches the pinned one; when it does, log in",
            "with the host's key and check the base folder, free space and port forwarding (exit 1 unless trusted and logged in)."})
    static final class Check implements Callable<Integer> {
        private final CliContext context;

        @Parameters(paramLabel = "NAME", description = "The host to check.")
        String name;

        Check(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            Host host = context.engine().host(name);
            HostKeyCheck check = context.engine().checkHostKey(host);
            print(context, check);
            if (check.status() != HostKeyCheck.Status.TRUSTED) {
                return StageboardCli.FAILED;
            }
            // a trusted key is not yet a host a deploy can use: the login is what fails next (a key it does not accept)
            context.unlockKeys(List.of(host));
            boolean failed = false;
            for (ConnectionCheck c : context.engine().testHost(host)) {
                if (c.what().equals("host key")) {
                    continue;
                }
                context.out().println("  " + c.what() + ": " + c.outcome().name().toLowerCase(Locale.ROOT) + " - " + c.detail());
                failed |= c.outcome() == ConnectionCheck.Outcome.FAILED;
            }
            return failed ? StageboardCli.FAILED : 0;
        }
    }

    @Command(name = "trust", description = {"Trust the host's key: an explicit action.",
            "Without --fingerprint it shows the key's fingerprint; compare it with the server's own",
            "('ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub' on the host), then run again with --fingerprint."})
    static final class Trust implements Callable<Integer> {
        private final CliContext context;

        @Parameters(paramLabel = "NAME", description = "The host whose key to trust.")
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
                if (check.status() == HostKeyCheck.Status.CHANGED) {
                    context.err().println("error: not trusted: the key differs from the one pinned. Do not trust it unless the host's "
                            + "administrator confirms this new fingerprint (e.g. the host was reinstalled); then run: stageboard host trust "
                            + name + " --fingerprint " + check.fingerprint());
                } else {
                    context.err().println("error: not trusted yet. If this is the host's real key, run: stageboard host trust " + name
                            + " --fingerprint " + check.fingerprint());
                }
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
