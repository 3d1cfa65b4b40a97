package io.dmpilot.sim;

import io.dmpilot.contracts.douyin.DouyinSignature;
import io.dmpilot.contracts.douyin.DouyinWebhook;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Delivers webhooks the way the platform does: signed with the app secret, a {@code Msg-Id} per delivery,
 * and up to 3 retries, 1 s, 2 s and 4 s apart, when the receiver does not answer 2xx within 5 s: a receiver
 * that restarts within seconds loses nothing.
 */
@ApplicationScoped
public class WebhookDelivery {
    private static final Logger LOG = Logger.getLogger(WebhookDelivery.class);

    private final SimConfig config;
    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private final InFlightLimit inFlight;
    /** Answers are handled here, not on the common pool: on 2 cores that pool has one thread. */
    private final Executor answers = Executors.newFixedThreadPool(4, runnable -> {
        Thread thread = new Thread(runnable, "webhook-answers");
        thread.setDaemon(true);
        return thread;
    });

    public WebhookDelivery(SimConfig config) {
        this.config = config;
        this.inFlight = new InFlightLimit(config.webhookMaxInFlight());
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
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(config.webhookUrl()))
                .timeout(config.webhookTimeout())
                .header("Content-Type", contentType)
                .header("Msg-Id", msgId)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (signature != null) request.header("X-Douyin-Signature", signature);
        if (traceparent != null) request.header("traceparent", traceparent);
        HttpRequest built = request.build();
        return Uni.createFrom()
                .emitter(answer -> inFlight.submit(() -> http.sendAsync(built, HttpResponse.BodyHandlers.ofString())
                        // async: a request failing at once must not start the next one on this stack
                        .whenCompleteAsync(
                                (response, failure) -> {
                                    inFlight.done();
                                    if (failure != null) {
                                        LOG.debugf("webhook delivery failed: %s", failure.toString());
                                        answer.complete(new Answer(0, ""));
                                    } else {
                                        answer.complete(new Answer(response.statusCode(), response.body()));
                                    }
                                },
                                answers)));
    }
}
