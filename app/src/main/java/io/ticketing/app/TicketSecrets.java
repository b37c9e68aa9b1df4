package io.ticketing.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The QR signing key of the embedded demo, when none is configured. Generated once and kept next to
 * the broker's data, so tickets issued in an earlier run still verify and re-processing yields the
 * same QR codes. A deployment against a real cluster must configure its own ({@link AppSettings}).
 */
final class TicketSecrets {

    private static final Logger log = LoggerFactory.getLogger(TicketSecrets.class);

    private TicketSecrets() {
    }

    static String demoSecret(Path folder) {
        Path file = folder.resolve("ticket-secret");
        try {
            if (Files.exists(file)) {
                log.info("{} is not set: using the demo secret kept in {}", AppSettings.TICKET_SECRET, file);
                return Files.readString(file).trim();
            }
            byte[] bytes = new byte[32];
            new SecureRandom().nextBytes(bytes);
            String secret = Base64.getEncoder().encodeToString(bytes);
            Files.createDirectories(folder);
            Files.writeString(file, secret);
            log.warn("{} is not set: generated a demo secret and kept it in {} (a real deployment must set it)",
                    AppSettings.TICKET_SECRET, file);
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the demo ticket secret in " + file, e);
        }
    }
}
