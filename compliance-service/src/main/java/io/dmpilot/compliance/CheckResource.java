package io.dmpilot.compliance;

import io.dmpilot.contracts.Finding;
import io.dmpilot.contracts.Verdict;
import io.dmpilot.kit.ProblemException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** Lets an operator test a template before saving it. */
@Path("/compliance/check")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class CheckResource {
    private final ReplyVetter vetter;

    public CheckResource(ReplyVetter vetter) {
        this.vetter = vetter;
    }

    public record CheckRequest(String text) {}

    public record CheckResult(Verdict verdict, List<Finding> findings) {}

    @POST
    public CheckResult check(CheckRequest request) {
        if (request == null || request.text() == null) {
            throw ProblemException.invalidField("text", "text is required");
        }
        if (request.text().length() > 10_000) {
            throw ProblemException.invalidField("text", "text is longer than 10000 characters");
        }
        List<Finding> findings = vetter.check(request.text());
        return new CheckResult(findings.isEmpty() ? Verdict.APPROVED : Verdict.BLOCKED, findings);
    }
}
