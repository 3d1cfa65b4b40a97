package io.dmpilot.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * The optional LLM wording step of the CUSTOM tier: the matched template, already rendered, is reworded for the
 * user's message by an OpenAI-compatible chat completions endpoint. Off by default. Any failure — disabled,
 * timeout, HTTP error, empty answer — returns the template's text unchanged, so a reply always leaves.
 * Compliance vets the result like any other reply.
 */
@ApplicationScoped
public class ReplyWording {
    private static final Logger LOG = Logger.getLogger(ReplyWording.class);
    static final String INSTRUCTION =
            "你是抖音企业号的私信客服。根据用户的消息，改写给定的回复，使其自然、亲切、简短。" + "保留其中的事实、优惠、链接和客服入口，不添加新的承诺、价格或联系方式，不使用极限用语。只输出改写后的回复。";

    private final RulesConfig.Wording config;
    private final ObjectMapper json;
    private final HttpClient http;

    @Inject
    public ReplyWording(RulesConfig config, ObjectMapper json) {
        this(config.wording(), json);
    }

    ReplyWording(RulesConfig.Wording config, ObjectMapper json) {
        this.config = config;
        this.json = json;
        this.http =
                HttpClient.newBuilder().connectTimeout(this.config.timeout()).build();
    }

    public boolean enabled() {
        return config.enabled() && config.baseUrl().isPresent();
    }

    /** The reworded reply, or {@code reply} itself. Emits on the caller's Vert.x context when there is one. */
    public Uni<String> reword(String userMessage, String reply) {
        if (!enabled()) return Uni.createFrom().item(reply);
        Context context = Vertx.currentContext();
        return Uni.createFrom()
                .completionStage(
                        () -> http.sendAsync(request(userMessage, reply), HttpResponse.BodyHandlers.ofString()))
                .map(response -> answer(response, reply))
                .ifNoItem()
                .after(config.timeout())
                .fail()
                .onFailure()
                .recoverWithItem(e -> {
                    LOG.debugf("wording skipped: %s", e.toString());
                    return reply;
                })
                .emitOn(task -> {
                    if (context == null) task.run();
                    else context.runOnContext(x -> task.run());
                });
    }

    private HttpRequest request(String userMessage, String reply) {
        Map<String, Object> body = Map.of(
                "model", config.model(),
                "temperature", 0.3,
                "messages",
                        List.of(
                                Map.of("role", "system", "content", INSTRUCTION),
                                Map.of("role", "user", "content", "用户消息：" + userMessage + "\n回复：" + reply)));
        HttpRequest.Builder builder = HttpRequest.newBuilder(
                        URI.create(config.baseUrl().orElseThrow().replaceAll("/+$", "") + "/chat/completions"))
                .timeout(config.timeout())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(write(body)));
        config.apiKey().filter(k -> !k.isBlank()).ifPresent(key -> builder.header("Authorization", "Bearer " + key));
        return builder.build();
    }

    private String answer(HttpResponse<String> response, String reply) {
        if (response.statusCode() != 200) throw new IllegalStateException("HTTP " + response.statusCode());
        try {
            JsonNode text = json.readTree(response.body()).at("/choices/0/message/content");
            String out = text.isTextual() ? text.asText().strip() : "";
            if (out.isEmpty() || out.length() > 2000) throw new IllegalStateException("no usable answer");
            return out;
        } catch (java.io.IOException e) {
            throw new IllegalStateException("unreadable answer", e);
        }
    }

    private String write(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
