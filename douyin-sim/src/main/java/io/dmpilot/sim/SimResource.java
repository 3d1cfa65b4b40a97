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

    public SimResource(WebhookDelivery delivery, SendLog log, SimConfig config) {
        this.delivery = delivery;
        this.log = log;
        this.config = config;
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

    public record Delivered(String conversationId, String serverMessageId, List<Integer> webhookStatuses) {}

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
        List<Integer> statuses = new ArrayList<>();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (int i = 0; i < deliveries; i++) {
            chain = chain.chain(
                    () -> delivery.deliver(webhook).invoke(statuses::add).replaceWithVoid());
        }
        return chain.map(done -> new Delivered(conversation, messageId, statuses));
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

    public record Faults(List<Long> failNext) {}

    /** Makes the next sends fail with platform error codes (28003018 rate too high, …). */
    @POST
    @Path("/faults")
    @Consumes(MediaType.APPLICATION_JSON)
    public void faults(Faults faults) {
        if (faults == null || faults.failNext() == null) {
            throw ProblemException.invalidField("failNext", "failNext is required");
        }
        log.failNext(faults.failNext());
    }

    private static String orNew(String value, String prefix) {
        return value == null || value.isBlank() ? prefix + UUID.randomUUID() : value;
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
