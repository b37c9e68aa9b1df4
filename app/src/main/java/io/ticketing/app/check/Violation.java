package io.ticketing.app.check;

import java.util.List;

/** One broken guarantee, with the records that show it. */
public record Violation(String invariant, String what, List<String> evidence) {

    String describe() {
        StringBuilder out = new StringBuilder(invariant).append(": ").append(what).append('\n');
        evidence.forEach(line -> out.append("    ").append(line).append('\n'));
        return out.toString();
    }
}
