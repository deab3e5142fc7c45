package org.stageboard.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

/**
 * A test fake of systemd for machines without it: shell scripts {@code systemctl},
 * {@code loginctl} and {@code sudo}, put first on the PATH of the test SSH server's commands
 * ({@link SshTestServer#setPathPrefix}). Every call is recorded, one line each, in
 * {@link #calls()}. {@code systemctl [--user] start|restart UNIT} really starts the unit's
 * process from its unit file (WorkingDirectory, EnvironmentFile, Environment, ExecStart unquoted
 * as systemd would, StandardOutput {@code append:}), detached in its own session;
 * {@code stop} stops its process group; {@code show -p MainPID --value} answers its pid (0 when
 * it is not running); {@code daemon-reload}, {@code enable}, {@code disable} are only recorded.
 * {@code Restart=} is not simulated. User units are read from
 * {@code $XDG_CONFIG_HOME/systemd/user} (set to a folder of the fake); the fake {@code sudo}
 * drops {@code -n}, writes {@code /etc/systemd/system/…} into the fake's own folder, and runs the
 * rest; with {@link #sudoAsksForPassword} it fails as {@code sudo -n} does without a NOPASSWD rule.
 */
public final class FakeSystemd {

    private final Path dir;

    private FakeSystemd(Path dir) {
        this.dir = dir;
    }

    /** Writes the fake into {@code dir} and puts it on the server's PATH. */
    public static FakeSystemd install(SshTestServer server, Path dir) {
        try {
            Files.createDirectories(dir.resolve("bin"));
            Files.createDirectories(dir.resolve("config/systemd/user"));
            Files.createDirectories(dir.resolve("etc/systemd/system"));
            String fake = "fake='" + dir.toAbsolutePath() + "'\n";
            script(dir.resolve("bin/systemctl"), fake + SYSTEMCTL);
            script(dir.resolve("bin/loginctl"), fake + "echo \"loginctl $*\" >> \"$fake/calls.log\"\n");
            script(dir.resolve("bin/sudo"), fake + SUDO);
            server.setPathPrefix(dir.resolve("bin"), Map.of("XDG_CONFIG_HOME", dir.resolve("config").toString()));
            return new FakeSystemd(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every call, in order: {@code systemctl --user restart stageboard-…}, {@code sudo -n tee …}, … */
    public List<String> calls() {
        try {
            Path log = dir.resolve("calls.log");
            return Files.exists(log) ? Files.readAllLines(log) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A user unit file as written. */
    public Path userUnit(String name) {
        return dir.resolve("config/systemd/user").resolve(name);
    }

    /** A system unit file as written through sudo. */
    public Path systemUnit(String name) {
        return dir.resolve("etc/systemd/system").resolve(name);
    }

    /** From now on, {@code sudo -n} refuses as it does when a password is needed. */
    public void sudoAsksForPassword() {
        try {
            Files.writeString(dir.resolve("sudo-needs-password"), "yes\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The pid the fake started for a unit (user or system), or -1. */
    public long pid(String unit) {
        for (String mode : List.of("user", "system")) {
            Path file = dir.resolve("state").resolve(mode).resolve(unit + ".pid");
            try {
                if (Files.exists(file)) {
                    return Long.parseLong(Files.readString(file).strip());
                }
            } catch (IOException | NumberFormatException e) {
                return -1;
            }
        }
        return -1;
    }

    private static void script(Path file, String body) throws IOException {
        Files.writeString(file, "#!/bin/sh\n" + body);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static final String SUDO = String.join("\n",
            "echo \"sudo $*\" >> \"$fake/calls.log\"",
            "if [ \"$1\" = -n ]; then shift; fi",
            "if [ -f \"$fake/sudo-needs-password\" ]; then echo 'sudo: a password is required' >&2; exit 1; fi",
            "if [ \"$1\" = tee ]; then shift; set -- tee \"$(printf '%s' \"$1\" | sed \"s|^/etc/systemd/system/|$fake/etc/systemd/system/|\")\"; fi",
            "exec \"$@\"",
            "");

    private static final String SYSTEMCTL = String.join("\n",
            "echo \"systemctl $*\" >> \"$fake/calls.log\"",
            "mode=system",
            "if [ \"$1\" = --user ]; then mode=user; shift; fi",
            "if [ $mode = user ]; then units=\"${XDG_CONFIG_HOME:-$HOME/.config}/systemd/user\"; else units=\"$fake/etc/systemd/system\"; fi",
            "state=\"$fake/state/$mode\"; mkdir -p \"$state\"",
            "cmd=$1; shift",
            "if [ \"$cmd\" = show ]; then shift 2; [ \"$1\" = --value ] && shift; fi",
            "alive() { kill -0 \"$1\" 2>/dev/null || return 1; s=$(sed -n 's/^.*) \\(.\\) .*$/\\1/p' \"/proc/$1/stat\" 2>/dev/null); [ \"$s\" != Z ]; }",
            "value() { sed -n \"s/^$1=//p\" \"$units/$unit\" | head -n 1; }",
            // systemd's unquoting of the one double-quoted argument of ExecStart=/bin/sh -c \"…\".
            "unquote() { awk '{ s=$0; o=\"\"; i=1; n=length(s); while (i<=n) { c=substr(s,i,1); d=substr(s,i+1,1);"
                    + " if (c==\"\\\\\") { if (d==\"n\") o=o \"\\n\"; else o=o d; i+=2 }"
                    + " else if ((c==\"$\" && d==\"$\") || (c==\"%\" && d==\"%\")) { o=o c; i+=2 }"
                    + " else { o=o c; i++ } } printf \"%s\", o }'; }",
            "stop_unit() {",
            "  if [ -f \"$state/$unit.pid\" ]; then p=$(cat \"$state/$unit.pid\")",
            "    kill -TERM -\"$p\" 2>/dev/null; kill -TERM \"$p\" 2>/dev/null; i=0",
            "    while alive \"$p\" && [ $i -lt 100 ]; do sleep 0.1; i=$((i+1)); done",
            "    if alive \"$p\"; then kill -KILL -\"$p\" 2>/dev/null; kill -KILL \"$p\" 2>/dev/null; fi",
            "    rm -f \"$state/$unit.pid\"",
            "  fi",
            "}",
            "case $cmd in",
            "  daemon-reload|enable|disable) exit 0;;",
            "  stop) for unit; do stop_unit; done;;",
            "  start|restart) for unit; do",
            "      [ -f \"$units/$unit\" ] || { echo \"Unit $unit not found.\" >&2; exit 5; }",
            "      stop_unit",
            "      wd=$(value WorkingDirectory | sed 's/%%/%/g'); envfile=$(value EnvironmentFile | sed 's/%%/%/g')",
            "      out=$(value StandardOutput | sed 's/^append://; s/%%/%/g')",
            "      exec_line=$(value ExecStart)",
            "      quoted=${exec_line#/bin/sh -c \\\"}; quoted=${quoted%\\\"}",
            "      script=$(printf '%s\\n' \"$quoted\" | unquote)",
            "      envs=$(value Environment | sed 's/\" \"/\\n/g; s/^\"//; s/\"$//')",
            "      ( cd \"$wd\" || exit 1",
            "        if [ -n \"$envfile\" ]; then set -a; . \"$envfile\"; set +a; fi",
            "        while IFS= read -r kv; do [ -n \"$kv\" ] && export \"$kv\"; done <<EOF",
            "$envs",
            "EOF",
            "        exec nohup setsid /bin/sh -c \"$script\" >> \"${out:-/dev/null}\" 2>&1 < /dev/null ) &",
            "      echo $! > \"$state/$unit.pid\"",
            "    done;;",
            "  show) unit=$1; p=0; if [ -f \"$state/$unit.pid\" ]; then p=$(cat \"$state/$unit.pid\"); alive \"$p\" || p=0; fi; echo \"$p\";;",
            "  is-active) unit=$1; if [ -f \"$state/$unit.pid\" ] && alive \"$(cat \"$state/$unit.pid\")\"; then echo active; else echo inactive; exit 3; fi;;",
            "  *) echo \"fake systemctl: $cmd is not faked\" >&2; exit 1;;",
            "esac",
            "");
}
