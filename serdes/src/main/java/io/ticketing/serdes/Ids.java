package io.ticketing.serdes;


/**
 * What an identifier may look like, everywhere: in events (validation) and in HTTP paths. One rule
 * for both, so every key the topology accepts can be queried, and a hostile path never reaches a store.
 */
public final class Ids {

    public static final int MAX_LENGTH = 128;

    private Ids() {
    }

    /** {@code [A-Za-z0-9._:~-]{1,128}}; checked by hand because it runs for every id of every input record. */
    public static boolean isValid(String id) {
        if (id == null || id.isEmpty() || id.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            boolean allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '.' || c == '_' || c == ':' || c == '~' || c == '-';
            if (!allowed) {
                return false;
            }
        }
        return true;
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
