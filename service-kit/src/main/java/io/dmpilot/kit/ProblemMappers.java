package io.dmpilot.kit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.Objects;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every error of every endpoint leaves as problem JSON; client mistakes are 4xx, never 5xx. */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return respond(e.problem());
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        String title = e.getResponse().getStatusInfo().getReasonPhrase();
        return respond(Problem.of(status, title, e.getMessage()));
    }

    /** No key on an endpoint that needs one (docs/SECURITY.md). */
    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e) {
        return challenge("an operator API key is required: Authorization: Bearer dmp_<prefix>_<secret>");
    }

    /** A key that is malformed, unknown, revoked or wrong; the answer does not say which. */
    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e) {
        return challenge("the API key is malformed, unknown or revoked");
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return respond(Problem.of(403, "Forbidden", "the API key's role does not allow this"));
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e) {
        return respond(Problem.of(400, "Malformed JSON", e.getOriginalMessage()));
    }

    /**
     * A value of the wrong type, such as a word where a number belongs. Mapped here because Quarkus' own mapper
     * for this exact type would otherwise answer first, with no problem JSON and no field.
     */
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e) {
        String field = e.getPath().stream()
                .map(JsonMappingException.Reference::getFieldName)
                .filter(Objects::nonNull)
                .collect(Collectors.joining("."));
        return field.isEmpty()
                ? unreadableJson(e)
                : respond(Problem.ofField(400, field, "unreadable value: " + e.getOriginalMessage()));
    }

    @ServerExceptionMapper
    public Response illegalArgument(IllegalArgumentException e) {
        return respond(Problem.of(400, "Bad request", e.getMessage()));
    }

    @ServerExceptionMapper(priority = 10_000)
    public Response unexpected(RuntimeException e) {
        LOG.error("unexpected failure", e);
        return respond(Problem.of(500, "Internal error", "the failure was logged; no details are exposed"));
    }

    private static Response challenge(String detail) {
        return Response.fromResponse(respond(Problem.of(401, "Unauthorized", detail)))
                .header("WWW-Authenticate", "Bearer realm=\"dmpilot\"")
                .build();
    }

    static Response respond(Problem problem) {
        return Response.status(problem.status())
                .type(Problem.MEDIA_TYPE)
                .entity(problem)
                .build();
    }
}
