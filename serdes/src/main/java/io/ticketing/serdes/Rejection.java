package io.ticketing.serdes;

/** Why an input record was refused; the name is written to the dead-letter headers as the error class. */
public enum Rejection {
    /** No value at all. */
    EMPTY,
    /** Larger than the configured limit. */
    OVERSIZE,
    /** Not JSON, or JSON of the wrong shape (wrong types, bad timestamps). */
    UNPARSEABLE,
    /** Well-formed, but breaks a rule of CONTRACT §6 (ids, status, amount, currency, times, version). */
    INVALID
}
