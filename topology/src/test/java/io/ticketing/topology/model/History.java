package io.ticketing.topology.model;

import java.time.Instant;
import java.util.List;

/**
 * A generated sequence of inputs and clock moves, replayable from its seed. {@code start} is the wall
 * clock when the first step runs; every event time in the history is relative to it.
 */
record History(long seed, Instant start, List<Step> steps) {

    /** The steps, numbered, for a failure message a person can read and turn into a unit test. */
    String describe() {
        StringBuilder out = new StringBuilder("history seed " + seed + ", wall clock starts at " + start + ":\n");
        for (int i = 0; i < steps.size(); i++) {
            out.append(String.format("  %3d. %s%n", i + 1, steps.get(i)));
        }
        return out.toString();
    }
}
