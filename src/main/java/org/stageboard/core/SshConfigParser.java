package org.stageboard.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads the {@code Host} blocks of an OpenSSH client config. Only concrete aliases are offered
 * (patterns such as {@code *} or {@code web-?} and negations are skipped, and their settings are
 * not merged in); {@code HostName}, {@code User}, {@code Port} and {@code IdentityFile} are read;
 * {@code ProxyJump}, {@code ProxyCommand}, {@code Match} and the like are reported as unsupported,
 * since Stageboard connects directly. Directives that only tune the connection are ignored.
 */
public final class SshConfigParser {

    /** Directives that do not change where or as whom Stageboard connects: ignored without a word. */
    private static final Set<String> HARMLESS = Set.of("addkeystoagent", "compression", "connecttimeout",
            "connectionattempts", "controlmaster", "controlpath", "controlpersist", "forwardagent", "forwardx11",
            "hashknownhosts", "identitiesonly", "loglevel", "preferredauthentications", "serveraliveinterval",
            "serveralivecountmax", "stricthostkeychecking", "tcpkeepalive", "userknownhostsfile", "usekeychain",
            "visualhostkey", "pubkeyauthentication", "passwordauthentication", "requesttty", "sendenv", "setenv",
            "addressfamily", "ciphers", "macs", "kexalgorithms", "hostkeyalgorithms", "updatehostkeys");

    private SshConfigParser() {
    }

    /**
     * The concrete host aliases of the config text, in file order. {@code home} replaces a leading
     * {@code ~} in {@code IdentityFile}; may be null to keep it as written.
     */
    public static List<SshConfigHost> parse(String text, String home) {
        List<SshConfigHost> hosts = new ArrayList<>();
        List<Block> open = new ArrayList<>();
        boolean inMatch = false;
        String[] lines = text == null ? new String[0] : text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] kv = split(line);
            String key = kv[0].toLowerCase(Locale.ROOT);
            String value = kv[1];
            if (key.equals("host")) {
                flush(open, hosts);
                inMatch = false;
                for (String alias : value.split("\\s+")) {
                    if (!alias.isEmpty() && !alias.contains("*") && !alias.contains("?") && !alias.startsWith("!")) {
                        open.add(new Block(alias, i + 1));
                    }
                }
                continue;
            }
            if (key.equals("match")) {
                flush(open, hosts);
                inMatch = true;
                continue;
            }
            if (inMatch || open.isEmpty()) {
                continue; // global settings and Match blocks are not merged into the aliases
            }
            for (Block block : open) {
                block.apply(key, kv[0], value, home);
            }
        }
        flush(open, hosts);
        return hosts;
    }

    private static void flush(List<Block> open, List<SshConfigHost> hosts) {
        for (Block block : open) {
            hosts.add(block.toHost());
        }
        open.clear();
    }

    /** {@code Key value}, {@code Key=value} or {@code Key = value}; quotes around the value removed. */
    private static String[] split(String line) {
        int i = 0;
        while (i < line.length() && !Character.isWhitespace(line.charAt(i)) && line.charAt(i) != '=') {
            i++;
        }
        String key = line.substring(0, i);
        String rest = line.substring(i).strip();
        if (rest.startsWith("=")) {
            rest = rest.substring(1).strip();
        }
        if (rest.length() >= 2 && rest.startsWith("\"") && rest.endsWith("\"")) {
            rest = rest.substring(1, rest.length() - 1);
        }
        return new String[] {key, rest};
    }

    private static final class Block {
        final String alias;
        final int line;
        String hostName;
        String user;
        int port;
        String identityFile;
        final List<String> unsupported = new ArrayList<>();

        Block(String alias, int line) {
            this.alias = alias;
            this.line = line;
        }

        // First value wins, as in OpenSSH.
        void apply(String key, String written, String value, String home) {
            switch (key) {
                case "hostname" -> hostName = hostName == null ? value : hostName;
                case "user" -> user = user == null ? value : user;
                case "port" -> {
                    if (port == 0) {
                        try {
                            port = Integer.parseInt(value);
                        } catch (NumberFormatException e) {
                            unsupported.add("Port " + value + " (not a number)");
                        }
                    }
                }
                case "identityfile" -> {
                    if (identityFile == null) {
                        identityFile = home != null && (value.equals("~") || value.startsWith("~/"))
                                ? home + value.substring(1) : value;
                    }
                }
                default -> {
                    if (!HARMLESS.contains(key)) {
                        unsupported.add(written + " " + value);
                    }
                }
            }
        }

        SshConfigHost toHost() {
            return new SshConfigHost(alias, hostName, user, port, identityFile, unsupported, line);
        }
    }
}
