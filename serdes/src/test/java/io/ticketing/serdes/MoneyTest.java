package io.ticketing.serdes;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketing.events.PaymentSucceeded;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** CONTRACT §2: money is a JSON number held as BigDecimal, never a double; its scale is kept. */
class MoneyTest {

    private final EventReader<PaymentSucceeded> reader = new EventReader<>(PaymentSucceeded.class);
    private final JsonSerde<PaymentSucceeded> serde = JsonSerde.of(PaymentSucceeded.class);

    @ParameterizedTest(name = "{0} is read as {1} and written as {2}")
    @CsvSource({
        "50.00,      50.00,     50.00",
        "50,         50,        50",
        "50.0,       50.0,      50.0",
        "0.10,       0.10,      0.10",
        // a double could not hold these exactly
        "0.100001,   0.100001,  0.100001",
        "999999999999999.99, 999999999999999.99, 999999999999999.99",
        // exponent forms are brought to a plain number, so they read back equal
        "5E+1,       50,        50",
        "5.000E+1,   50.00,     50.00",
        "1.5e2,      150,       150",
        "'\"50.00\"', 50.00,    50.00",
    })
    void amountsKeepTheirScaleAndAreWrittenPlain(String onTheWire, String expected, String written) {
        byte[] value = withAmount(onTheWire);

        PaymentSucceeded event = ((ReadResult.Accepted<PaymentSucceeded>) reader.read(value)).event();

        assertThat(event.amount()).isEqualTo(new BigDecimal(expected));
        String json = new String(serde.serialize("t", event), StandardCharsets.UTF_8);
        assertThat(json).contains("\"amount\":" + written + ",");
        assertThat(serde.deserialize("t", serde.serialize("t", event))).isEqualTo(event);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"1e999999999", "-1e999999999", "1e16", "1234567890123456", "1e-999999999", "0.0000001",
        // exponent overflow: Jackson throws a bare NumberFormatException, not a JacksonException
        "-1e-2147483649", "1e2147483648",
        "\"fifty\"", "\"NaN\"", "\"Infinity\"", "[50]", "true"})
    void absurdOrNonNumericAmountsAreRejectedReadably(String onTheWire) {
        ReadResult<PaymentSucceeded> result = reader.read(withAmount(onTheWire));

        assertThat(result).isInstanceOfSatisfying(ReadResult.Rejected.class,
                r -> assertThat(r.reason()).contains("amount").hasSizeLessThan(1000));
    }

    private static byte[] withAmount(String json) {
        return Examples.text(Examples.PAYMENT_SUCCEEDED).replace("50.00", json).getBytes(StandardCharsets.UTF_8);
    }
}
