package io.dmpilot.sim;

import io.dmpilot.contracts.douyin.DouyinErrors;
import io.dmpilot.contracts.douyin.DouyinSendRequest;
import io.dmpilot.contracts.douyin.DouyinSendResponse;
import io.dmpilot.contracts.douyin.DouyinWebhook;
import io.dmpilot.kit.Problem;
import io.dmpilot.kit.ProblemException;
import io.dmpilot.sim.oauth.IssuedTokens;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;

/** The platform's {@code POST /im/send/msg/?open_id=…}, answering as the platform does. */
@Path("/im/send/msg/")
public class SendApiResource {
    private final SendLog log;
    private final SimConfig config;
    private final WebhookDelivery delivery;
    private final SendApiFaults faults;
    private final IssuedTokens tokens;

    public SendApiResource(
            SendLog log, SimConfig config, WebhookDelivery delivery, SendApiFaults faults, IssuedTokens tokens) {
        this.log = log;
        this.config = config;
        this.delivery = delivery;
        this.faults = faults;
        this.tokens = tokens;
    }

    /** As the platform answers, or as it fails during a scheduled outage (500s, then slow answers). */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Response> send(
            @QueryParam("open_id") String openId,
            @HeaderParam("access-token") String accessToken,
            @HeaderParam("traceparent") String traceparent,
            DouyinSendRequest request) {
        return switch (faults.now()) {
            case HTTP_500 ->
                Uni.createFrom()
                        .item(Response.serverError()
                                .entity(Problem.of(500, "Internal Server Error", "simulated outage"))
                                .build());
            case SLOW ->
                Uni.createFrom()
                        .item(() -> accept(openId, accessToken, traceparent, request))
                        .onItem()
                        .delayIt()
                        .by(faults.slowness());
            case HEALTHY -> Uni.createFrom().item(() -> accept(openId, accessToken, traceparent, request));
        };
    }

    private Response accept(String openId, String accessToken, String traceparent, DouyinSendRequest request) {
        return Response.ok(answer(openId, accessToken, traceparent, request)).build();
    }

    private DouyinSendResponse answer(
            String openId, String accessToken, String traceparent, DouyinSendRequest request) {
        String logId = UUID.randomUUID().toString();
        if (request == null || request.content() == null || request.content().text() == null || openId == null) {
            throw ProblemException.badRequest("open_id and content.text.text are required");
        }
        if (!tokens.accepts(accessToken)) {
            return DouyinSendResponse.error(DouyinErrors.TOKEN_EXPIRED, "access token invalid", logId);
        }
        Long programmed = log.nextError();
        if (programmed != null) {
            return DouyinSendResponse.error(programmed, "simulated platform error", logId);
        }
        String messageId = "sent-" + UUID.randomUUID();
        log.add(new SentMessage(
                openId,
                request.msgId(),
                request.conversationId(),
                request.toUserId(),
                request.content().text().text(),
                System.currentTimeMillis(),
                TraceParent.traceIdOf(traceparent)));
        if (config.echoSends()) {
            delivery.deliver(DouyinWebhook.sendEcho(
                            config.clientKey(),
                            openId,
                            request.toUserId(),
                            request.conversationId(),
                            messageId,
                            request.content().text().text()))
                    .subscribe()
                    .with(status -> {}, failure -> {});
        }
        return DouyinSendResponse.ok(messageId, logId);
    }
}
