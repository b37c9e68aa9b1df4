package io.ticketing.events;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Schema versions are {@code major.minor}. A reader accepts every minor of its major (minor
 * versions only add optional fields, which the tolerant reader ignores) and refuses other majors.
 */
public final class SchemaVersion {

    public static final int SUPPORTED_MAJOR = 1;
    private static final Pattern FORMAT = Pattern.compile("(\\d{1,4})\\.(\\d{1,4})");

    private SchemaVersion() {
    }

    /** Empty when acceptable; otherwise the reason it is refused. A missing version means 1.0. */
    public static Optional<String> problemWith(String version) {
        if (version == null) {
            return Optional.empty();
        }
        Matcher m = FORMAT.matcher(version);
        if (!m.matches()) {
            String shown = version.length() <= 20 ? version : version.substring(0, 20) + "...";
            return Optional.of("schemaVersion '" + shown + "' is not of the form <major>.<minor>");
        }
        int major = Integer.parseInt(m.group(1));
        if (major != SUPPORTED_MAJOR) {
            return Optional.of("schemaVersion " + version + " has major version " + major
                    + "; this service reads major version " + SUPPORTED_MAJOR + " only");
        }
        return Optional.empty();
    }
}
