package io.dmpilot.compliance;

import io.dmpilot.contracts.Finding;
import io.dmpilot.contracts.Verdict;
import io.dmpilot.kit.ProblemException;
import io.dmpilot.kit.auth.AgencyScope;
import io.dmpilot.kit.auth.Caller;
import io.dmpilot.kit.auth.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** Lets an operator test a template before saving it, against the lexicon and policy of its account. */
@RolesAllowed(Roles.OPERATOR)
@Path("/compliance/check")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class CheckResource {
    private final ReplyVetter vetter;
    private final Caller caller;

    public CheckResource(ReplyVetter vetter, Caller caller) {
        this.vetter = vetter;
        this.caller = caller;
    }

    /**
     * @param accountOpenId optional: its qualifications apply
     * @param agencyId optional: its own lexicon terms apply; an agency's key checks with its own agency's
     */
    public record CheckRequest(String text, String accountOpenId, String agencyId) {}

    /** @param text what would be sent: the original, its rewritten form, or empty when blocked */
    public record CheckResult(Verdict verdict, String text, List<Finding> findings) {}

    @POST
    public CheckResult check(CheckRequest request) {
        if (request == null || request.text() == null) {
            throw ProblemException.invalidField("text", "text is required");
        }
        if (request.text().length() > 10_000) {
            throw ProblemException.invalidField("text", "text is longer than 10000 characters");
        }
        AgencyScope scope = caller.scope();
        if (request.agencyId() != null) scope.requireVisible(request.agencyId(), "no agency " + request.agencyId());
        String agency = scope.everyAgency() ? request.agencyId() : scope.agencyId();
        VerdictPolicy.Decision decision = vetter.check(request.text(), agency, request.accountOpenId());
        return new CheckResult(decision.verdict(), decision.text(), decision.findings());
    }
}
