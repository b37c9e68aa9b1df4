package io.ticketing.serdes;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import java.io.IOException;
import java.math.BigDecimal;

/**
 * Money as {@link BigDecimal}, keeping the sender's scale ({@code 50.00} stays {@code 50.00}). An
 * exponent form ({@code 5E+1}) is brought to scale 0 so that a value reads back equal after it has
 * been written as a plain decimal. Absurd magnitudes are left alone here (normalising {@code 1e999999999}
 * would build a billion-digit number) and refused by validation with a readable reason.
 */
final class MoneyDeserializer extends NumberDeserializers.BigDecimalDeserializer {

    /** Far beyond any amount validation accepts, and still cheap to normalise. */
    private static final int NORMALISE_UP_TO_DIGITS = 64;

    @Override
    public BigDecimal deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        BigDecimal value = super.deserialize(p, ctxt);
        if (value != null && value.scale() < 0 && Money.integerDigits(value) <= NORMALISE_UP_TO_DIGITS) {
            return value.setScale(0);
        }
        return value;
    }
}
