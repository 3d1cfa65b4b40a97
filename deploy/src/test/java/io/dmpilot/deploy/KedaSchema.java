package io.dmpilot.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Checks KEDA objects against KEDA's CRD schemas. KEDA publishes no Java model, but its CRDs compiled to
 * validators are on npm ({@code @kubernetes-models/keda}, pinned in {@code src/test/keda/package.json}), so the
 * check runs them with node ({@code src/test/keda/validate.mjs}): types, enums and required fields as the API
 * server would check them. The package is installed on first use ({@code npm ci}); where node or npm is missing
 * the check is skipped off CI and fails in CI, like rendering without kubectl.
 */
final class KedaSchema {
    private static final Path DIR = Overlay.ROOT.resolve("deploy/src/test/keda");

    static List<String> problems(List<JsonNode> objects) {
        install();
        String out = run(List.of("node", "validate.mjs"), objects.toString());
        return out.lines().filter(line -> !line.isBlank()).toList();
    }

    private static synchronized void install() {
        if (Files.isDirectory(DIR.resolve("node_modules/@kubernetes-models/keda"))) return;
        run(List.of("npm", "ci", "--silent", "--no-audit", "--no-fund"), "");
    }

    private static String run(List<String> command, String input) {
        boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
        try {
            Process process = new ProcessBuilder(command)
                    .directory(DIR.toFile())
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            process.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
            process.getOutputStream().close();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new AssertionError(String.join(" ", command) + " failed in " + DIR + ": " + out);
            }
            return out;
        } catch (IOException missing) {
            Assumptions.assumeFalse(ci, command.get(0) + " is required in CI");
            Assumptions.abort(command.get(0) + " not found: install node and npm to check KEDA objects");
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private KedaSchema() {}
}
