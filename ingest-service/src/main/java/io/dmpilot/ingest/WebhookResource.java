package io.dmpilot.ingest;

import io.dmpilot.contracts.InboundEvent;
import io.dmpilot.contracts.douyin.DouyinSignature;
import io.dmpilot.ingest.accounts.AccountRouting;
import io.dmpilot.kit.Problem;
import io.dmpilot.kit.ProblemException;
import io.dmpilot.kit.RecordLogContext;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.RestHeader;

/**
 * The only door from the platform into dmpilot. Answers 200 only for what Kafka has stored: a failed
 * publication answers 503 so the platform retries, and so does a delivery while an earlier one of the same message
 * is still being stored (409). A message to an account rules-service does not know is
 * acknowledged (the platform must not retry it), counted as {@code unknown_account} and recorded on
 * dm.inbound.v1.dlq instead of dm.inbound.v1.
 */
// Open to the platform, not to operators: every request is checked against X-Douyin-Signature instead.
@PermitAll
@Path("/webhook/douyin")
public class WebhookResource {
    private static final Logger LOG = Logger.getLogger(WebhookResource.class);

    private final IngestConfig config;
    private final DeliveryDedupe dedupe;
    private final InboundPublisher publisher;
    private final UnroutedPublisher unrouted;
    private final AccountRouting accounts;
    private final MeterRegistry meters;

    public WebhookResource(
            IngestConfig config,
            DeliveryDedupe dedupe,
            InboundPublisher publisher,
            UnroutedPublisher unrouted,
            AccountRouting accounts,
            MeterRegistry meters) {
        this.config = config;
        this.dedupe = dedupe;
        this.publisher = publisher;
        this.unrouted = unrouted;
        this.accounts = accounts;
        this.meters = meters;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Map<String, Object>> receive(byte[] body, @RestHeader("X-Douyin-Signature") String signature) {
        long receivedAt = System.currentTimeMillis();
        if (signature == null || signature.isBlank()) {
            throw unauthorized("X-Douyin-Signature header is missing");
        }
        WebhookEnvelope envelope = WebhookEnvelope.parse(body);
        String secret = config.secretFor(envelope.clientKey())
                .orElseThrow(() -> unauthorized("unknown client_key " + envelope.clientKey()));
        if (!DouyinSignature.verify(secret, body, signature)) {
            throw unauthorized("signature does not match the body");
        }
        if ("verify_webhook".equals(envelope.event())) {
            count(envelope.event(), "handshake");
            return Uni.createFrom().item(Map.of("challenge", envelope.content().path("challenge")));
        }
        InboundEvent event = InboundNormalizer.normalize(envelope, receivedAt, traceId());
        return dedupe.storeOnce(event.eventId(), () -> route(envelope, event), () -> duplicate(envelope, event))
                .onFailure(DeliveryDedupe.DeliveryInFlight.class)
                .invoke(() -> count(envelope.event(), "in_flight"))
                .onFailure(failure -> !(failure instanceof ProblemException))
                .transform(failure -> {
                    // Redis or Kafka busy or down: nothing was stored, so the platform must retry — never a 500
                    count(envelope.event(), "unavailable");
                    LOG.errorf(failure, "could not store %s; answering 503 so the platform retries", event.eventId());
                    return new ProblemException(
                            Problem.of(503, "Service unavailable", "the message could not be stored; retry later"));
                });
    }

    /** Known accounts → dm.inbound.v1; unknown ones are acknowledged (a retry would not help) and dead-lettered. */
    private Uni<Map<String, Object>> route(WebhookEnvelope envelope, InboundEvent event) {
        return accounts.isKnown(event.accountOpenId())
                .chain(known -> known
                        ? store(envelope, event, publisher.publish(event), "accepted")
                        : store(
                                envelope,
                                event,
                                unrouted.publish(event, "unknown account " + event.accountOpenId()),
                                "unknown_account"));
    }

    private Uni<Map<String, Object>> store(
            WebhookEnvelope envelope, InboundEvent event, Uni<Void> sending, String result) {
        return sending.invoke(() -> {
                    count(envelope.event(), result);
                    MDC.put(RecordLogContext.CONVERSATION_ID, event.conversationId());
                    RecordLogContext.tenant(event.accountOpenId(), accounts.agencyOf(event.accountOpenId()));
                    LOG.debugf("%s %s %s", result, event.kind(), event.eventId());
                })
                .replaceWith(Map.<String, Object>of("status", result, "event_id", event.eventId()));
    }

    /**
     * The W3C trace this request belongs to (the platform starts none, so usually the one OpenTelemetry began
     * here): the event's trace id then names the same trace as the traceparent header every record and call
     * after it carries. A random id only where tracing is off.
     */
    private static String traceId() {
        SpanContext span = Span.current().getSpanContext();
        return span.isValid() ? span.getTraceId() : UUID.randomUUID().toString();
    }

    /** Names the event like the first answer did: a sender whose first answer was lost learns what was stored. */
    private Map<String, Object> duplicate(WebhookEnvelope envelope, InboundEvent event) {
        count(envelope.event(), "duplicate");
        return Map.of("status", "duplicate", "event_id", event.eventId());
    }

    private void count(String event, String result) {
        meters.counter("dmpilot_webhooks_received_total", "event", event, "result", result)
                .increment();
    }

    private ProblemException unauthorized(String detail) {
        meters.counter("dmpilot_webhooks_received_total", "event", "unknown", "result", "unauthorized")
                .increment();
        return new ProblemException(Problem.of(401, "Unauthorized", detail));
    }
}
