package org.stageboard.core;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** Replaces secret values in text with a mask before it reaches a log, a message or an export. */
public final class Masker {

    public static final String MASK = "********";

    private final List<String> secrets;

    public Masker(Collection<String> secrets) {
        // Longest first so that a secret containing another is masked whole.
        this.secrets = secrets.stream().filter(s -> s != null && s.length() >= 3)
                .distinct().sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    public String mask(String text) {
        if (text == null) {
            return null;
        }
        String result = text;
        for (String secret : secrets) {
            result = result.replace(secret, MASK);
        }
        return result;
    }

    /** A progress that masks every log line and step title before passing it on. */
    public Progress wrap(Progress target) {
        return new ForwardingProgress(target) {
            @Override
            public void step(String title) {
                super.step(mask(title));
            }

            @Override
            public void log(String line) {
                super.log(mask(line));
            }
        };
    }
}
