package io.ticketing.app;

import io.ticketing.query.ApiKeys;
import io.ticketing.query.Authentication;
import io.ticketing.query.BearerTokens;
import io.ticketing.query.HttpTls;
import io.ticketing.query.JwtTokens;
import io.ticketing.query.Principal;
import io.ticketing.query.Role;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Who may call the HTTP API and over what (README, Security): read and checked at start-up, every
 * failure a {@link BadSettingException} naming the setting.
 *
 * @param authRequired       callers must present a bearer token (default whenever KAFKA_BOOTSTRAP_SERVERS is set)
 * @param apiKeys            static API keys and the callers they stand for
 * @param jwtSecret          HMAC key of HS256/384/512 JWTs
 * @param jwksUrl            JWK set of the keys that sign RS/PS/ES/EdDSA JWTs
 * @param instanceCredential what instances present to each other on {@code /internal/*}
 * @param tls                HTTPS for the server and for forwarding
 */
public record HttpSecuritySettings(boolean authRequired, Map<String, Principal> apiKeys, Optional<String> jwtSecret,
                            Optional<URL> jwksUrl, Optional<String> jwtIssuer, Optional<String> jwtAudience,
                            String instanceCredential, Optional<HttpTls> tls) {

    static final String AUTH = "TICKETING_AUTH";
    static final String API_KEYS = "TICKETING_API_KEYS";
    static final String JWT_SECRET = "TICKETING_JWT_SECRET";
    static final String JWKS_URL = "TICKETING_JWKS_URL";
    static final String JWT_ISSUER = "TICKETING_JWT_ISSUER";
    static final String JWT_AUDIENCE = "TICKETING_JWT_AUDIENCE";
    static final String INSTANCE_SECRET = "TICKETING_INSTANCE_SECRET";
    static final String KEYSTORE = "TICKETING_HTTP_KEYSTORE";
    static final String KEYSTORE_PASSWORD = "TICKETING_HTTP_KEYSTORE_PASSWORD";
    static final String TRUSTSTORE = "TICKETING_HTTP_TRUSTSTORE";
    static final String TRUSTSTORE_PASSWORD = "TICKETING_HTTP_TRUSTSTORE_PASSWORD";

    /** Every setting this class reads. */
    public static final Set<String> NAMES = Set.of(AUTH, API_KEYS, JWT_SECRET, JWKS_URL, JWT_ISSUER, JWT_AUDIENCE,
            INSTANCE_SECRET, KEYSTORE, KEYSTORE_PASSWORD, TRUSTSTORE, TRUSTSTORE_PASSWORD);

    static final int MIN_KEY_LENGTH = 16;
    /** HS256 needs a key of at least 256 bits. */
    static final int MIN_JWT_SECRET_LENGTH = 32;

    static HttpSecuritySettings from(SettingReader read, boolean embedded) {
        boolean required = read.optional(AUTH).map(value -> switch (value) {
            case "required" -> true;
            case "off" -> false;
            default -> throw new BadSettingException(AUTH, "'" + value + "' is neither 'required' nor 'off'");
        }).orElse(!embedded);

        Map<String, Principal> keys = apiKeys(read.optional(API_KEYS));
        Optional<String> jwtSecret = read.optional(JWT_SECRET);
        if (jwtSecret.isPresent() && jwtSecret.get().length() < MIN_JWT_SECRET_LENGTH) {
            throw new BadSettingException(JWT_SECRET, "is " + jwtSecret.get().length()
                    + " characters long; HS256 needs at least " + MIN_JWT_SECRET_LENGTH);
        }
        Optional<URL> jwks = read.optional(JWKS_URL).map(HttpSecuritySettings::url);
        if (required && keys.isEmpty() && jwtSecret.isEmpty() && jwks.isEmpty()) {
            throw new BadSettingException(AUTH, "is required (the default with " + AppSettings.BOOTSTRAP_SERVERS
                    + ") but no caller can prove who it is: set " + API_KEYS + ", " + JWT_SECRET + " or " + JWKS_URL
                    + ", or " + AUTH + "=off when a gateway in front authenticates callers");
        }

        Optional<String> instance = read.optional(INSTANCE_SECRET);
        if (instance.isPresent() && instance.get().length() < MIN_KEY_LENGTH) {
            throw new BadSettingException(INSTANCE_SECRET, "use at least " + MIN_KEY_LENGTH + " random characters");
        }
        if (instance.isEmpty() && !embedded) {
            throw new BadSettingException(INSTANCE_SECRET, "is required with " + AppSettings.BOOTSTRAP_SERVERS
                    + ": instances present it to each other on /internal/*; give all instances the same random value");
        }
        return new HttpSecuritySettings(required, keys, jwtSecret, jwks, read.optional(JWT_ISSUER),
                read.optional(JWT_AUDIENCE), instance.orElseGet(HttpSecuritySettings::randomCredential), tls(read));
    }

    Authentication authentication() {
        if (!authRequired) {
            return Authentication.off(instanceCredential);
        }
        List<BearerTokens> tokens = new ArrayList<>();
        if (!apiKeys.isEmpty()) {
            tokens.add(new ApiKeys(apiKeys));
        }
        jwtSecret.ifPresent(secret -> tokens.add(JwtTokens.hmac(secret, jwtIssuer, jwtAudience)));
        jwksUrl.ifPresent(url -> tokens.add(JwtTokens.jwks(url, jwtIssuer, jwtAudience)));
        return Authentication.required(instanceCredential, tokens);
    }

    /** {@code key:role:subject}, comma-separated. */
    private static Map<String, Principal> apiKeys(Optional<String> raw) {
        Map<String, Principal> keys = new LinkedHashMap<>();
        if (raw.isEmpty()) {
            return keys;
        }
        for (String entry : raw.get().split(",")) {
            String[] parts = entry.trim().split(":", -1);
            if (parts.length != 3 || parts[2].isBlank()) {
                throw new BadSettingException(API_KEYS, "an entry is not key:role:subject (e.g. "
                        + "'<random key>:ops:ops-team'); entries are comma-separated");
            }
            if (parts[0].length() < MIN_KEY_LENGTH) {
                throw new BadSettingException(API_KEYS, "a key for '" + parts[2] + "' is shorter than "
                        + MIN_KEY_LENGTH + " characters");
            }
            Role role = Role.granted(parts[1]).orElseThrow(() -> new BadSettingException(API_KEYS,
                    "'" + parts[1] + "' is not a role: use customer, gate or ops"));
            if (keys.put(parts[0], new Principal(parts[2], Set.of(role))) != null) {
                throw new BadSettingException(API_KEYS, "a key is listed twice");
            }
        }
        return keys;
    }

    private static Optional<HttpTls> tls(SettingReader read) {
        Optional<String> keyStore = read.optional(KEYSTORE);
        if (keyStore.isEmpty()) {
            if (read.optional(TRUSTSTORE).isPresent()) {
                throw new BadSettingException(TRUSTSTORE, "is only used with " + KEYSTORE + " (HTTPS)");
            }
            return Optional.empty();
        }
        Path keys = readable(KEYSTORE, keyStore.get());
        Optional<Path> trust = read.optional(TRUSTSTORE).map(path -> readable(TRUSTSTORE, path));
        HttpTls tls = new HttpTls(keys, read.string(KEYSTORE_PASSWORD, ""), trust, read.optional(TRUSTSTORE_PASSWORD));
        try {
            tls.check();
        } catch (Exception e) {
            throw new BadSettingException(KEYSTORE, "cannot open " + keys + " or the trust store with the given "
                    + KEYSTORE_PASSWORD + "/" + TRUSTSTORE_PASSWORD + " (" + e.getMessage() + ")");
        }
        return Optional.of(tls);
    }

    private static Path readable(String setting, String value) {
        Path path = Path.of(value);
        if (!Files.isReadable(path)) {
            throw new BadSettingException(setting, "'" + value + "' is not a readable file");
        }
        return path;
    }

    private static URL url(String value) {
        try {
            URL url = URI.create(value).toURL();
            if (!url.getProtocol().equals("https") && !url.getProtocol().equals("http")) {
                throw new MalformedURLException();
            }
            return url;
        } catch (IllegalArgumentException | MalformedURLException e) {
            throw new BadSettingException(JWKS_URL, "'" + value + "' is not an http(s) URL");
        }
    }

    /** The embedded demo is one instance: its credential only has to be unguessable for this run. */
    private static String randomCredential() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
