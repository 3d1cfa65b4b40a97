package io.dmpilot.ingest.conversions;

import io.dmpilot.contracts.Conversion;
import io.dmpilot.ingest.DeliveryDedupe;
import io.dmpilot.kit.Problem;
import io.dmpilot.kit.ProblemException;
import io.micrometer.core.instrument.MeterRegistry;
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
import org.jboss.resteasy.reactive.RestHeader;

/**
 * Business results from the shop/CRM → dm.conversions.v1. Authenticated by an API key; idempotent on
 * conversionId (a resent conversion is acknowledged, not republished); 200 only for what Kafka has stored.
 */
// Open to the shop/CRM, not to operators: its own X-Api-Key (DMPILOT_INGEST_CONVERSION_KEYS) is checked below.
@PermitAll
@Path("/conversions")
public class ConversionResource {
    private static final Logger LOG = Logger.getLogger(ConversionResource.class);

    private final ApiKeys keys;
    private final DeliveryDedupe dedupe;
    private final ConversionPublisher publisher;
    private final MeterRegistry meters;

    public ConversionResource(
            ApiKeys keys, DeliveryDedupe dedupe, ConversionPublisher publisher, MeterRegistry meters) {
        this.keys = keys;
        this.dedupe = dedupe;
        this.publisher = publisher;
        this.meters = meters;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Map<String, Object>> receive(byte[] body, @RestHeader("X-Api-Key") String apiKey) {
        if (!keys.accepts(apiKey)) {
            count("unauthorized");
            throw new ProblemException(Problem.of(401, "Unauthorized", "a valid X-Api-Key header is required"));
        }
        Conversion conversion;
        try {
            conversion = ConversionRequest.parse(body, System.currentTimeMillis());
        } catch (ProblemException e) {
            count("invalid");
            throw e;
        }
        String eventId = eventIdOf(conversion);
        return dedupe.storeOnce(eventId, () -> publish(conversion), this::duplicate)
                .onFailure(DeliveryDedupe.DeliveryInFlight.class)
                .invoke(() -> count("in_flight"))
                .onFailure(failure -> !(failure instanceof ProblemException))
                .transform(failure -> {
                    count("unavailable");
                    LOG.errorf(failure, "could not store conversion %s; answering 503", conversion.conversionId());
                    return new ProblemException(
                            Problem.of(503, "Service unavailable", "the conversion could not be stored; retry later"));
                });
    }

    /** The dedupe key, in a namespace of its own next to the webhook's event ids. */
    static String eventIdOf(Conversion conversion) {
        return "conversion:" + conversion.conversionId();
    }

    private Uni<Map<String, Object>> publish(Conversion conversion) {
        return publisher
                .publish(conversion, UUID.randomUUID().toString())
                .invoke(() -> count("accepted"))
                .replaceWith(Map.<String, Object>of("status", "accepted", "conversionId", conversion.conversionId()));
    }

    private Map<String, Object> duplicate() {
        count("duplicate");
        return Map.of("status", "duplicate");
    }

    private void count(String result) {
        meters.counter("dmpilot_conversions_received_total", "result", result).increment();
    }
}
