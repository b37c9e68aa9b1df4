package io.ticketing.app.check;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Violations found, with counts of what was looked at (a check of nothing must not look like a pass). */
public final class CheckReport {

    private final List<Violation> violations = new ArrayList<>();
    private final Map<String, Long> counts = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();

    void violation(String invariant, String what, List<String> evidence) {
        violations.add(new Violation(invariant, what, evidence));
    }

    void count(String what, long n) {
        counts.merge(what, n, Long::sum);
    }

    void note(String line) {
        notes.add(line);
    }

    public List<Violation> violations() {
        return List.copyOf(violations);
    }

    public List<Violation> violations(String invariant) {
        return violations.stream().filter(v -> v.invariant().equals(invariant)).toList();
    }

    public long count(String what) {
        return counts.getOrDefault(what, 0L);
    }

    public List<String> notes() {
        return List.copyOf(notes);
    }

    public boolean passed() {
        return violations.isEmpty();
    }

    public String describe() {
        StringBuilder out = new StringBuilder();
        int shown = 0;
        for (Violation violation : violations) {
            if (shown++ == 200) {
                out.append("… and ").append(violations.size() - 200).append(" more violations\n");
                break;
            }
            out.append(violation.describe());
        }
        notes.stream().limit(20).forEach(n -> out.append("note: ").append(n).append('\n'));
        out.append("summary:\n");
        counts.forEach((what, n) -> out.append(String.format("  %-45s %d%n", what, n)));
        Map<String, Long> byInvariant = new LinkedHashMap<>();
        for (String invariant : List.of("I1", "I2", "I3", "I4", "I5")) {
            byInvariant.put(invariant, (long) violations(invariant).size());
        }
        byInvariant.forEach((inv, n) -> out.append(String.format("  %s violations: %d%n", inv, n)));
        out.append(passed() ? "RESULT: PASS\n" : "RESULT: FAIL (" + violations.size() + " violations)\n");
        return out.toString();
    }
}
