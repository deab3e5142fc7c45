package org.stageboard.bench;

import java.util.ArrayList;
import java.util.List;

/** Repeated measurements of one quantity; the benchmark reports the median (and the spread). */
final class Samples {

    private final List<Double> values = new ArrayList<>();

    void add(double value) {
        values.add(value);
    }

    boolean isEmpty() {
        return values.isEmpty();
    }

    int size() {
        return values.size();
    }

    double median() {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    double min() {
        return values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    double max() {
        return values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }

    /** "2.31 s (1.98–2.90)": median and range, in seconds. */
    String seconds() {
        return isEmpty() ? "-" : String.format("%.2f s (%.2f–%.2f)", median(), min(), max());
    }
}
