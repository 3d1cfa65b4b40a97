package io.dmpilot.kit.limits;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dmpilot.kit.Problem;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses a body whose declared length is over {@code quarkus.http.limits.max-body-size} with 413 problem JSON,
 * before any of it is read (Quarkus' own check answers an empty 413). A chunked body without a length is still
 * cut off by Quarkus at the same limit, with its empty 413.
 */
@ApplicationScoped
public class BodyLimit {
    /** Before every other route, so nothing starts reading the body. */
    private static final int FIRST = Integer.MIN_VALUE + 100;

    private final long maxBytes;
    private final String answer;

    public BodyLimit(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize limit, ObjectMapper json)
            throws JsonProcessingException {
        this.maxBytes = limit.asLongValue();
        this.answer = json.writeValueAsString(Problem.of(
                413, "Payload too large", "the request body is over this service's limit of " + maxBytes + " bytes"));
    }

    void install(@Observes Router router) {
        router.route().order(FIRST).handler(this::check);
    }

    private void check(RoutingContext context) {
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length == null || !overLimit(length)) {
            context.next();
            return;
        }
        context.response()
                .setStatusCode(413)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(answer);
    }

    private boolean overLimit(String length) {
        try {
            return Long.parseLong(length.trim()) > maxBytes;
        } catch (NumberFormatException e) {
            return false; // Vert.x refuses a malformed length itself
        }
    }
}
