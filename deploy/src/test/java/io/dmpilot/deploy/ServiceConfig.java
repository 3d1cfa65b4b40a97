package io.dmpilot.deploy;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a service's configuration says about how it must be deployed (prod profile): its application.properties
 * over service-kit's defaults, which every service inherits.
 */
record ServiceConfig(String module, Properties properties) {
    static final List<String> MODULES =
            List.of("ingest-service", "rules-service", "compliance-service", "dispatch-service", "analytics-service");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::([^}]*))?}");

    private static final Path KIT_DEFAULTS =
            Path.of("service-kit/src/main/resources/META-INF/microprofile-config.properties");

    static ServiceConfig load(String module) {
        Properties properties = new Properties();
        read(Overlay.ROOT.resolve(KIT_DEFAULTS), properties);
        read(Overlay.ROOT.resolve(module).resolve("src/main/resources/application.properties"), properties);
        return new ServiceConfig(module, properties);
    }

    private static void read(Path file, Properties into) {
        try (Reader reader = Files.newBufferedReader(file)) {
            into.load(reader);
        } catch (IOException e) {
            throw new AssertionError("cannot read " + file, e);
        }
    }

    /** The port the service listens on when nothing overrides it. */
    int httpPort() {
        Matcher m = VARIABLE.matcher(properties.getProperty("quarkus.http.port", "8080"));
        return Integer.parseInt(m.find() ? m.group(2) : properties.getProperty("quarkus.http.port"));
    }

    /** Environment variables the service reads (outside test/dev profiles), with their defaults. */
    Map<String, String> environment() {
        Map<String, String> vars = new LinkedHashMap<>();
        for (String key : properties.stringPropertyNames()) {
            if (key.startsWith("%")) continue;
            Matcher m = VARIABLE.matcher(properties.getProperty(key));
            while (m.find()) vars.put(m.group(1), m.group(2) == null ? "" : m.group(2));
        }
        return vars;
    }

    /** Consumer group of each incoming topic, with the default prefix resolved. */
    Map<String, String> groupsByTopic() {
        Map<String, String> groups = new HashMap<>();
        for (String key : properties.stringPropertyNames()) {
            if (key.startsWith("mp.messaging.incoming.") && key.endsWith(".topic")) {
                String channel = key.substring(0, key.length() - ".topic".length());
                String group = properties.getProperty(channel + ".group.id");
                if (group != null) groups.put(properties.getProperty(key), resolve(group));
            }
        }
        return groups;
    }

    /** Topics the service consumes ({@code incoming}) or produces ({@code outgoing}), outside test profiles. */
    Set<String> topics(String direction) {
        Set<String> topics = new TreeSet<>();
        String prefix = "mp.messaging." + direction + ".";
        for (String key : properties.stringPropertyNames()) {
            if (key.startsWith(prefix) && key.endsWith(".topic") && !key.endsWith(".dead-letter-queue.topic")) {
                topics.add(resolve(properties.getProperty(key)));
            }
        }
        return topics;
    }

    Set<String> deadLetterTopics() {
        Set<String> topics = new TreeSet<>();
        for (String key : properties.stringPropertyNames()) {
            if (!key.startsWith("%") && key.endsWith(".dead-letter-queue.topic")) {
                topics.add(properties.getProperty(key));
            }
        }
        return topics;
    }

    private static String resolve(String value) {
        return VARIABLE.matcher(value).replaceAll(m -> m.group(2) == null ? "" : Matcher.quoteReplacement(m.group(2)));
    }
}
