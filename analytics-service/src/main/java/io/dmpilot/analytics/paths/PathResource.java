package io.dmpilot.analytics.paths;

import io.dmpilot.analytics.Csv;
import io.dmpilot.analytics.Window;
import io.dmpilot.analytics.WindowQuery;
import io.dmpilot.kit.accounts.AccountAccess;
import io.dmpilot.kit.auth.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The conversation-path heat map of an account over a window of hours, JSON or CSV. */
@RolesAllowed(Roles.VIEWER)
@Path("/analytics/accounts/{accountOpenId}/paths")
public class PathResource {
    private static final String SUMS =
            "SELECT from_scenario, to_scenario, SUM(count) FROM {h-schema}scenario_transition"
                    + " WHERE account_open_id = :account AND hour_start >= :from AND hour_start < :to"
                    + " GROUP BY from_scenario, to_scenario";

    private final AccountAccess access;

    public PathResource(AccountAccess access) {
        this.access = access;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Scenario → scenario transitions within conversations, as a matrix")
    public Uni<PathMatrix> json(
            @PathParam("accountOpenId") String account, @QueryParam("from") String from, @QueryParam("to") String to) {
        Window.checkAccount(account);
        Window window = Window.parse(from, to, System.currentTimeMillis());
        return access.requireVisible(account)
                .chain(() -> WindowQuery.rows(SUMS, account, window))
                .map(rows -> PathMatrix.of(
                        account, window.from().toString(), window.to().toString(), transitions(rows)));
    }

    @GET
    @Produces(Csv.MEDIA_TYPE)
    @Operation(summary = "The matrix as CSV, one row per from-scenario")
    public Uni<Response> csv(
            @PathParam("accountOpenId") String account, @QueryParam("from") String from, @QueryParam("to") String to) {
        return json(account, from, to).map(PathMatrix::csv).map(Csv::response);
    }

    private static List<PathMatrix.Transition> transitions(List<Object[]> rows) {
        return rows.stream()
                .map(r -> new PathMatrix.Transition((String) r[0], (String) r[1], ((Number) r[2]).longValue()))
                .toList();
    }
}
