package io.dmpilot.kit;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
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

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e) {
        return respond(Problem.of(400, "Malformed JSON", e.getOriginalMessage()));
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

    static Response respond(Problem problem) {
        return Response.status(problem.status())
                .type(Problem.MEDIA_TYPE)
                .entity(problem)
                .build();
    }
}
