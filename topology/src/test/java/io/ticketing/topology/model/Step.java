package io.ticketing.topology.model;

import io.ticketing.events.TicketingEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** One thing that happens to the topology in a generated history: a record arrives, or time passes. */
sealed interface Step permits Step.Input, Step.Advance {

    /**
     * A record piped to an input topic, with the raw bytes upstream would send. {@code event} is what
     * those bytes mean when they are valid; null for a poison record, which must end in the DLT.
     */
    record Input(String topic, byte[] key, byte[] value, TicketingEvent event, String note, long timestampSkewMs)
            implements Step {

        /** Stamped with the wall clock, as a producer with a correct clock would. */
        Input(String topic, byte[] key, byte[] value, TicketingEvent event, String note) {
            this(topic, key, value, event, note, 0);
        }

        /** The same record, stamped by a producer whose clock is {@code skewMs} off. */
        Input skewed(long skewMs) {
            return new Input(topic, key, value, event, note, skewMs);
        }

        boolean isPoison() {
            return event == null;
        }

        @Override
        public String toString() {
            String k = key == null ? "null" : new String(key, StandardCharsets.UTF_8);
            String v = value == null ? "null" : new String(value, StandardCharsets.UTF_8);
            if (v.length() > 160) {
                v = v.substring(0, 160) + "...(" + value.length + " bytes)";
            }
            return "pipe " + topic + " key=" + k + (note.isEmpty() ? "" : " [" + note + "]")
                    + (timestampSkewMs == 0 ? "" : " record time skewed by " + timestampSkewMs + " ms") + "\n      " + v;
        }
    }

    /** The wall clock moves on; the topology's punctuators run. */
    record Advance(Duration by) implements Step {

        @Override
        public String toString() {
            return "advance wall clock by " + by;
        }
    }
}
