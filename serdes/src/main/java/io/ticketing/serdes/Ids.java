package io.ticketing.serdes;

import java.util.regex.Pattern;

/**
 * What an identifier may look like, everywhere: in events (validation) and in HTTP paths. One rule
 * for both, so every key the topology accepts can be queried, and a hostile path never reaches a store.
 */
public final class Ids {

    public static final int MAX_LENGTH = 128;
    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9._:~-]{1," + MAX_LENGTH + "}");

    private Ids() {
    }

    public static boolean isValid(String id) {
        return id != null && ALLOWED.matcher(id).matches();
    }

    /** A readable reason why {@code id} is not valid, for the field called {@code field}. */
    public static String problem(String field, String id) {
        if (id == null || id.isEmpty()) {
            return field + " is missing";
        }
        if (id.length() > MAX_LENGTH) {
            return field + " is longer than " + MAX_LENGTH + " characters";
        }
        return field + " may contain only letters, digits and . _ : ~ -";
    }
}
