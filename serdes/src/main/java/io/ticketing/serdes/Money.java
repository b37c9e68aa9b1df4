package io.ticketing.serdes;

import java.math.BigDecimal;

/** What an amount of money may look like on the wire. */
final class Money {

    /** Up to 999 trillion: more than any ticket, and safe in every downstream system. */
    static final int MAX_INTEGER_DIGITS = 15;
    /** ISO 4217 minor units go to 4 decimals; allow some room for upstream precision. */
    static final int MAX_DECIMALS = 6;

    private Money() {
    }

    /** Digits before the decimal point, computed without expanding the number. */
    static long integerDigits(BigDecimal value) {
        return (long) value.precision() - value.scale();
    }
}
