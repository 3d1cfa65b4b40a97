package io.dmpilot.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The LLM wording step against a local stub of an OpenAI-compatible endpoint (a real HTTP server). */
class ReplyWordingTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TEMPLATE = "小王您好！这款是店里的人气款，本周下单享限时优惠～";

    private HttpServer server;
    private final List<JsonNode> requests = new CopyOnWriteArrayList<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private volatile int status = 200;
    private volatile String answer =
            "{\"choices\":[{\"message\":{\"role\":\"assistant\",\"content\":\" 亲，这款很受欢迎，本周下单有限时优惠哦～ \"}}]}";
    private volatile boolean hang;

    @BeforeEach
    void startStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/chat/completions", exchange -> {
            requests.add(JSON.readTree(exchange.getRequestBody()));
            authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            if (hang) await();
            byte[] body = answer.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    @AfterEach
    void stopStub() {
        release.countDown();
        server.stop(0);
    }

    @Test
    void theEndpointsWordingReplacesTheTemplate() {
        String out = wording(true, "secret").reword("这个怎么卖", TEMPLATE).await().atMost(Duration.ofSeconds(30));

        assertEquals("亲，这款很受欢迎，本周下单有限时优惠哦～", out);
        JsonNode request = requests.get(0);
        assertEquals("test-model", request.get("model").asText());
        assertEquals("system", request.at("/messages/0/role").asText());
        assertTrue(request.at("/messages/1/content").asText().contains("这个怎么卖"));
        assertTrue(request.at("/messages/1/content").asText().contains(TEMPLATE));
        assertEquals("Bearer secret", authorizations.get(0));
    }

    @ParameterizedTest(name = "HTTP {0} with {1} → the template")
    @CsvSource(
            delimiter = '|',
            value = {
                "500 | {\"error\":\"overloaded\"}",
                "429 | {}",
                "200 | {\"choices\":[]}",
                "200 | {\"choices\":[{\"message\":{\"content\":\"   \"}}]}",
                "200 | not json at all",
            })
    void anyFailureOfTheEndpointSendsTheTemplateUnchanged(int code, String body) {
        status = code;
        answer = body;

        assertEquals(
                TEMPLATE, wording(true, null).reword("这个怎么卖", TEMPLATE).await().atMost(Duration.ofSeconds(30)));
    }

    @Test
    void aSlowEndpointIsAbandonedAtTheTimeout() {
        hang = true;

        assertEquals(
                TEMPLATE,
                wording(true, null, Duration.ofMillis(300))
                        .reword("这个怎么卖", TEMPLATE)
                        .await()
                        .atMost(Duration.ofSeconds(30)));
    }

    @Test
    void offByDefaultAndNoRequestIsMade() {
        assertEquals(
                TEMPLATE, wording(false, null).reword("这个怎么卖", TEMPLATE).await().indefinitely());
        assertTrue(requests.isEmpty());
    }

    @Test
    void anUnreachableEndpointSendsTheTemplate() {
        server.stop(0);

        assertEquals(
                TEMPLATE, wording(true, null).reword("这个怎么卖", TEMPLATE).await().atMost(Duration.ofSeconds(30)));
    }

    /** A generous timeout: only {@link #aSlowEndpointIsAbandonedAtTheTimeout} waits for it to pass. */
    private ReplyWording wording(boolean enabled, String key) {
        return wording(enabled, key, Duration.ofSeconds(20));
    }

    private ReplyWording wording(boolean enabled, String key, Duration timeout) {
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/v1/";
        return new ReplyWording(new Config(enabled, url, key, timeout), JSON);
    }

    private void await() {
        try {
            release.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record Config(boolean enabled, String url, String key, Duration timeout) implements RulesConfig.Wording {
        @Override
        public Optional<String> baseUrl() {
            return Optional.of(url);
        }

        @Override
        public Optional<String> apiKey() {
            return Optional.ofNullable(key);
        }

        @Override
        public String model() {
            return "test-model";
        }
    }
}
