package io.dmpilot.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/** One overlay rendered by {@code kubectl kustomize}, exactly as a platform team would apply it. */
record Overlay(String name, String yaml, List<JsonNode> objects) {
    static final Path ROOT =
            Path.of(System.getProperty("dmpilot.root", "..")).toAbsolutePath().normalize();

    static Stream<String> names() {
        return Stream.of("dev", "prod");
    }

    static Overlay render(String name) {
        Path dir = ROOT.resolve("deploy/k8s/overlays").resolve(name);
        String yaml = kustomize(dir);
        try {
            List<JsonNode> objects = new ArrayList<>();
            new ObjectMapper(new YAMLFactory())
                    .readerFor(JsonNode.class)
                    .readValues(yaml)
                    .forEachRemaining(node -> {
                        if (node != null && !((JsonNode) node).isNull()) objects.add((JsonNode) node);
                    });
            return new Overlay(name, yaml, objects);
        } catch (IOException e) {
            throw new AssertionError("overlay " + name + " renders to unreadable YAML", e);
        }
    }

    List<JsonNode> ofKind(String kind) {
        return objects.stream()
                .filter(o -> kind.equals(o.path("kind").asText()))
                .toList();
    }

    JsonNode named(String kind, String name) {
        return ofKind(kind).stream()
                .filter(o -> name.equals(o.path("metadata").path("name").asText()))
                .findFirst()
                .orElseThrow(() -> new AssertionError(this.name + ": no " + kind + " named " + name));
    }

    private static String kustomize(Path dir) {
        boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
        try {
            Process process = new ProcessBuilder("kubectl", "kustomize", dir.toString())
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new AssertionError("kubectl kustomize " + dir + " failed");
            }
            return out;
        } catch (IOException noKubectl) {
            // CI machines have kubectl (with kustomize v5); a laptop without it skips instead of failing
            Assumptions.assumeFalse(ci, "kubectl is required in CI");
            Assumptions.abort("kubectl not found: install it to render the overlays");
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
