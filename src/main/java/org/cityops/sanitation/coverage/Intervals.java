package org.cityops.sanitation.coverage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * A union of disjoint, sorted intervals along one segment: the covered stretches. Adding an interval merges it with
 * those it touches, so adding the same interval twice (a replayed position) changes nothing.
 */
public final class Intervals {

    private final List<Interval> parts = new ArrayList<>();

    public Intervals() {}

    public Intervals(List<Interval> parts) {
        parts.forEach(this::add);
    }

    public void add(Interval i) {
        if (i.length() <= 0) {
            return;
        }
        double from = i.from();
        double to = i.to();
        List<Interval> kept = new ArrayList<>(parts.size() + 1);
        for (Interval p : parts) {
            if (p.to() < from || p.from() > to) {
                kept.add(p);
            } else {
                from = Math.min(from, p.from());
                to = Math.max(to, p.to());
            }
        }
        kept.add(new Interval(from, to));
        kept.sort(Comparator.comparingDouble(Interval::from));
        parts.clear();
        parts.addAll(kept);
    }

    public void addAll(Intervals other) {
        other.parts.forEach(this::add);
    }

    public double length() {
        double sum = 0;
        for (Interval p : parts) {
            sum += p.length();
        }
        return sum;
    }

    public List<Interval> parts() {
        return List.copyOf(parts);
    }

    public boolean isEmpty() {
        return parts.isEmpty();
    }

    /** "0.0-120.5;200.0-310.0" (metres, one decimal), the form stored with a pass. */
    public String format() {
        StringBuilder sb = new StringBuilder();
        for (Interval p : parts) {
            if (!sb.isEmpty()) {
                sb.append(';');
            }
            sb.append(String.format(Locale.ROOT, "%.1f-%.1f", p.from(), p.to()));
        }
        return sb.toString();
    }

    /** Reads {@link #format()}'s form; blank gives an empty union. */
    public static Intervals parse(String text) {
        Intervals out = new Intervals();
        if (text == null || text.isBlank()) {
            return out;
        }
        for (String part : text.split(";")) {
            int dash = part.indexOf('-', 1);
            out.add(new Interval(
                    Double.parseDouble(part.substring(0, dash)), Double.parseDouble(part.substring(dash + 1))));
        }
        return out;
    }
}
