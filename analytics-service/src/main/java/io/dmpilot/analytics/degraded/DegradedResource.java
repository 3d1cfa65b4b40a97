package io.dmpilot.analytics.degraded;

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

/** An account's replies planned with a cheaper engine under load, over a window of hours, JSON or CSV. */
@RolesAllowed(Roles.VIEWER)
@Path("/analytics/accounts/{accountOpenId}/degraded")
public class DegradedResource {
    private static final String SUMS = "SELECT reason, tier, SUM(count) FROM {h-schema}degraded_count"
            + " WHERE account_open_id = :account AND hour_start >= :from AND hour_start < :to"
            + " GROUP BY reason, tier";

    private final AccountAccess access;

    public DegradedResource(AccountAccess access) {
        this.access = access;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replies answered by a cheaper engine than the account's own under load, by reason")
    public Uni<DegradedReport> json(
            @PathParam("accountOpenId") String account, @QueryParam("from") String from, @QueryParam("to") String to) {
        Window.checkAccount(account);
        Window window = Window.parse(from, to, System.currentTimeMillis());
        return access.requireVisible(account)
                .chain(() -> WindowQuery.rows(SUMS, account, window))
                .map(rows -> DegradedReport.of(
                        account, window.from().toString(), window.to().toString(), reasons(rows)));
    }

    @GET
    @Produces(Csv.MEDIA_TYPE)
    @Operation(summary = "The same, as CSV: one row per reason and answering tier")
    public Uni<Response> csv(
            @PathParam("accountOpenId") String account, @QueryParam("from") String from, @QueryParam("to") String to) {
        return json(account, from, to).map(DegradedReport::csv).map(Csv::response);
    }

    private static List<DegradedReport.Reason> reasons(List<Object[]> rows) {
        return rows.stream()
                .map(r -> new DegradedReport.Reason((String) r[0], (String) r[1], ((Number) r[2]).longValue()))
                .toList();
    }
}
