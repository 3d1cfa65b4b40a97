package io.dmpilot.sim;

import io.dmpilot.contracts.douyin.DouyinSignature;
import io.dmpilot.contracts.douyin.DouyinWebhook;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Delivers webhooks the way the platform does: signed with the app secret, a {@code Msg-Id} per delivery,
 * and up to 3 retries, 1 s, 2 s and 4 s apart, when the receiver does not answer 2xx within 5 s: a receiver
 * that restarts within seconds loses nothing.
 *
 * <p>On Vert.x's HTTP client, on the event loops: at load the JDK's client cost the simulator about as much CPU
 * per message as the ingest it measures (a worker and a selector thread hand-off per request), CPU the
 * platform under test shares on this machine.
 */
@ApplicationScoped
public class WebhookDelivery {
    private static final Logger LOG = Logger.getLogger(WebhookDelivery.class);

    private final SimConfig config;
    private final HttpClient http;
    private final InFlightLimit inFlight;

    public WebhookDelivery(SimConfig config, Vertx vertx) {
        this.config = config;
        this.inFlight = new InFlightLimit(config.webhookMaxInFlight());
        int timeout = (int) config.webhookTimeout().toMillis();
        this.http = vertx.createHttpClient(
                new HttpClientOptions().setKeepAlive(true).setConnectTimeout(timeout),
                new PoolOptions().setHttp1MaxSize(config.webhookMaxInFlight()));
    }

    @PreDestroy
    void close() {
        http.close();
    }

    /** What the receiver answered to the last attempt; status 0 when it did not answer at all. */
    public record Answer(int status, String body) {
        public boolean accepted() {
            return status / 100 == 2;
        }
    }

    /** The HTTP status of the last attempt, after the platform's retries. */
    public Uni<Integer> deliver(DouyinWebhook webhook) {
        return deliverReading(webhook).map(Answer::status);
    }

    /** The last attempt's status and body, after the platform's retries. */
    public Uni<Answer> deliverReading(DouyinWebhook webhook) {
        return deliverReading(webhook, TraceParent.unsampled());
    }

    /** Every attempt carries the same trace context, like the same {@code Msg-Id}: it is one delivery. */
    public Uni<Answer> deliverReading(DouyinWebhook webhook, TraceParent trace) {
        byte[] body = webhook.body(false);
        return attempt(body, UUID.randomUUID().toString(), trace.header(), 0);
    }

    /**
     * Exactly these bytes and headers (a null signature sends none): hostile traffic. Sent again only while nothing
     * answers (the receiver is down or restarting), as the platform would; any answer, 4xx or 5xx, is the result.
     */
    public Uni<Answer> post(byte[] body, String signature, String contentType) {
        String msgId = UUID.randomUUID().toString();
        return withRetries(() -> send(body, signature, contentType, msgId, null), answer -> answer.status() != 0, 0);
    }

    private Uni<Answer> attempt(byte[] body, String msgId, String traceparent, int attempt) {
        String signature = DouyinSignature.sign(config.clientSecret(), body);
        return withRetries(
                () -> send(body, signature, "application/json", msgId, traceparent), Answer::accepted, attempt);
    }

    private Uni<Answer> withRetries(Supplier<Uni<Answer>> once, Predicate<Answer> settled, int attempt) {
        return once.get()
                .chain(answer -> settled.test(answer) || attempt >= config.webhookRetries()
                        ? Uni.createFrom().item(answer)
                        : Uni.createFrom()
                                .voidItem()
                                .onItem()
                                .delayIt()
                                .by(config.webhookRetryBackoff().multipliedBy(1L << attempt))
                                .chain(() -> withRetries(once, settled, attempt + 1)));
    }

    private Uni<Answer> send(byte[] body, String signature, String contentType, String msgId, String traceparent) {
        RequestOptions request = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setAbsoluteURI(config.webhookUrl())
                // no byte for this long, request or answer: for a webhook's few KiB, the platform's answer timeout
                .setIdleTimeout(config.webhookTimeout().toMillis())
                .putHeader("Content-Type", contentType)
                .putHeader("Msg-Id", msgId);
        if (signature != null) request.putHeader("X-Douyin-Signature", signature);
        if (traceparent != null) request.putHeader("traceparent", traceparent);
        return Uni.createFrom()
                .emitter(answer -> inFlight.submit(() -> http.request(request)
                        .compose(outgoing -> outgoing.send(Buffer.buffer(body)))
                        .compose(response -> response.body()
                                .map(received ->
                                        new Answer(response.statusCode(), received.toString(StandardCharsets.UTF_8))))
                        .onComplete(result -> {
                            inFlight.done();
                            if (result.failed()) {
                                LOG.debugf(
                                        "webhook delivery failed: %s",
                                        result.cause().toString());
                                answer.complete(new Answer(0, ""));
                            } else {
                                answer.complete(result.result());
                            }
                        })));
    }
}
