package io.dmpilot.sim;

import io.dmpilot.contracts.douyin.DouyinWebhook;
import io.dmpilot.kit.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Drives the simulated platform: a user writes to an account; what did the account answer? */
@Path("/sim")
@Produces(MediaType.APPLICATION_JSON)
public class SimResource {
    private final WebhookDelivery delivery;
    private final SendLog log;
    private final SimConfig config;
    private final SendApiFaults outage;

    public SimResource(WebhookDelivery delivery, SendLog log, SimConfig config, SendApiFaults outage) {
        this.delivery = delivery;
        this.log = log;
        this.config = config;
        this.outage = outage;
    }

    /**
     * A user's private message. Ids left out are generated; {@code deliveries} > 1 delivers the same webhook
     * again, as the platform does when it missed an acknowledgement.
     */
    public record UserMessage(
            String accountOpenId,
            String userOpenId,
            String conversationId,
            String text,
            String nickname,
            Integer deliveries) {}

    /** {@code traceId}: the W3C trace the webhook started; the reply reaches the send API in the same trace. */
    public record Delivered(
            String conversationId, String serverMessageId, String traceId, List<Integer> webhookStatuses) {}

    @POST
    @Path("/messages")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Delivered> send(UserMessage message) {
        if (message == null || message.text() == null || message.text().isBlank()) {
            throw ProblemException.invalidField("text", "text is required");
        }
        int deliveries = message.deliveries() == null ? 1 : message.deliveries();
        if (deliveries < 1 || deliveries > 10) {
            throw ProblemException.invalidField("deliveries", "deliveries must be between 1 and 10");
        }
        String conversation = orNew(message.conversationId(), "conv-");
        String messageId = "msg-" + UUID.randomUUID();
        DouyinWebhook webhook = DouyinWebhook.userMessage(
                        config.clientKey(),
                        orDefault(message.accountOpenId(), "demo-account"),
                        orNew(message.userOpenId(), "user-"),
                        conversation,
                        messageId,
                        message.text())
                .withNickname(message.nickname());
        TraceParent trace = TraceParent.unsampled();
        List<Integer> statuses = new ArrayList<>();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (int i = 0; i < deliveries; i++) {
            chain = chain.chain(() -> delivery.deliverReading(webhook, trace)
                    .invoke(answer -> statuses.add(answer.status()))
                    .replaceWithVoid());
        }
        return chain.map(done -> new Delivered(conversation, messageId, trace.traceId(), statuses));
    }

    @GET
    @Path("/sent")
    public List<SentMessage> sent(@QueryParam("conversationId") String conversationId) {
        return conversationId == null ? log.all() : log.of(conversationId);
    }

    @DELETE
    @Path("/sent")
    public void clear() {
        log.clear();
    }

    /**
     * {@code failNext}: the next sends fail with these platform error codes (28003018 rate too high, …).
     * {@code http500Seconds}, then {@code slowSeconds} answered {@code slowMillis} late: an outage of the send API.
     */
    public record Faults(List<Long> failNext, Integer http500Seconds, Integer slowSeconds, Integer slowMillis) {}

    @POST
    @Path("/faults")
    @Consumes(MediaType.APPLICATION_JSON)
    public void faults(Faults faults) {
        if (faults == null
                || (faults.failNext() == null && faults.http500Seconds() == null && faults.slowSeconds() == null)) {
            throw ProblemException.invalidField("failNext", "failNext, http500Seconds or slowSeconds is required");
        }
        if (faults.failNext() != null) log.failNext(faults.failNext());
        if (faults.http500Seconds() != null || faults.slowSeconds() != null) {
            int failing = seconds("http500Seconds", faults.http500Seconds());
            int slow = seconds("slowSeconds", faults.slowSeconds());
            int delay = faults.slowMillis() == null ? 2_000 : faults.slowMillis();
            if (delay < 0 || delay > 60_000) {
                throw ProblemException.invalidField("slowMillis", "slowMillis must be between 0 and 60000");
            }
            outage.schedule(Duration.ofSeconds(failing), Duration.ofSeconds(slow), Duration.ofMillis(delay));
        }
    }

    private static int seconds(String field, Integer value) {
        int seconds = value == null ? 0 : value;
        if (seconds < 0 || seconds > 3_600) {
            throw ProblemException.invalidField(field, field + " must be between 0 and 3600");
        }
        return seconds;
    }

    private static String orNew(String value, String prefix) {
        return value == null || value.isBlank() ? prefix + UUID.randomUUID() : value;
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
