package io.ticketing.topology.model;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Makes a failing history smaller while it still fails: drops chunks of steps, then single steps,
 * until no step can go (the two closing clock moves always stay, so timeouts still run). The result
 * is what goes into a bug report or a regression test.
 */
final class Shrinker {

    private Shrinker() {
    }

    static History shrink(History failing, Predicate<History> stillFails) {
        List<Step> steps = new ArrayList<>(failing.steps());
        int closing = 2;
        for (int chunk = Math.max(1, (steps.size() - closing) / 2); chunk >= 1; chunk /= 2) {
            boolean removed = true;
            while (removed) {
                removed = false;
                for (int from = 0; from + chunk <= steps.size() - closing; from += chunk) {
                    List<Step> candidate = new ArrayList<>(steps);
                    candidate.subList(from, from + chunk).clear();
                    if (stillFails.test(new History(failing.seed(), failing.start(), candidate))) {
                        steps = candidate;
                        removed = true;
                        break;
                    }
                }
            }
        }
        return new History(failing.seed(), failing.start(), steps);
    }
}
