package io.ticketing.app;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Where settings come from: an optional properties file (named by {@code --config path} or
 * {@code TICKETING_CONFIG_FILE}), overlaid by the environment. The environment wins so a container
 * can override one value of a shared file. Keys in the file are the same names as the environment
 * variables ({@code HTTP_PORT=8080}, {@code KAFKA_SECURITY_PROTOCOL=SASL_SSL}).
 */
public final class SettingsSource {

    public static final String CONFIG_FILE = "TICKETING_CONFIG_FILE";

    private SettingsSource() {
    }

    /**
     * @param configFileArgument the {@code --config} argument, or null
     * @param environment        usually {@link System#getenv()}
     */
    public static Map<String, String> load(String configFileArgument, Map<String, String> environment) {
        Map<String, String> merged = new TreeMap<>();
        String file = configFileArgument != null ? configFileArgument : environment.get(CONFIG_FILE);
        if (file != null && !file.isBlank()) {
            merged.putAll(readFile(Path.of(file), configFileArgument != null ? "--config" : CONFIG_FILE));
        }
        merged.putAll(environment);
        return merged;
    }

    private static Map<String, String> readFile(Path path, String namedBy) {
        if (!Files.isRegularFile(path)) {
            throw new BadSettingException(namedBy, "no such file: " + path.toAbsolutePath());
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            throw new BadSettingException(namedBy, "cannot read " + path.toAbsolutePath() + ": " + e.getMessage());
        }
        Map<String, String> values = new TreeMap<>();
        properties.stringPropertyNames().forEach(name -> values.put(name.trim(), properties.getProperty(name).trim()));
        return values;
    }
}
