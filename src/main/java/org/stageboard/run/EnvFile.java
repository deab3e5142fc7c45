package org.stageboard.run;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.stageboard.core.StageboardException;
import org.stageboard.ssh.ShellQuote;

/**
 * The {@code .env} of a release: one {@code KEY='value'} line per entry, values shell-quoted, so
 * that {@code set -a; . ./.env; set +a} exports them exactly and runs nothing.
 */
final class EnvFile {

    private static final Pattern KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private EnvFile() {
    }

    static String format(Map<String, String> env) {
        StringBuilder text = new StringBuilder();
        for (Map.Entry<String, String> entry : new TreeMap<>(env == null ? Map.<String, String>of() : env).entrySet()) {
            String key = entry.getKey();
            if (key == null || !KEY.matcher(key).matches()) {
                // The key is shown, never the value.
                throw new StageboardException("The config key '" + key + "' cannot be an environment variable: use "
                        + "letters, digits and '_', not starting with a digit.");
            }
            String value = entry.getValue() == null ? "" : entry.getValue();
            text.append(key).append('=').append(ShellQuote.quote(value)).append('\n');
        }
        return text.toString();
    }
}
