package io.dmpilot.analytics.funnel;

import io.dmpilot.analytics.Csv;
import io.dmpilot.analytics.Window;
import io.dmpilot.kit.accounts.AccountAccess;
import io.dmpilot.kit.auth.Roles;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The funnel of an account over a window of whole hours, as JSON or CSV ({@code Accept: text/csv}). */
@RolesAllowed(Roles.VIEWER)
@Path("/analytics/accounts/{accountOpenId}/funnel")
public class FunnelResource {
    private static final String SUMS = "SELECT step, SUM(count) FROM {h-schema}funnel_count"
            + " WHERE account_open_id = :account AND hour_start >= :from AND hour_start < :to"
            + " AND (:scenario = '' OR scenario = :scenario) AND (:rule = '' OR rule_id = :rule)"
            + " AND (:variant = '' OR variant = :variant) GROUP BY step";

    private final AccountAccess access;

    public FunnelResource(AccountAccess access) {
        this.access = access;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Funnel received → matched → vetted → sent → replied → converted, with the outcome mix")
    public Uni<Funnel> json(
            @PathParam("accountOpenId") String account,
            @Parameter(description = "ISO-8601 instant, widened to its hour; default to − 24 h") @QueryParam("from")
                    String from,
            @Parameter(description = "ISO-8601 instant, exclusive, widened to its hour; default now") @QueryParam("to")
                    String to,
            @QueryParam("scenario") String scenario,
            @QueryParam("rule") String rule,
            @QueryParam("variant") String variant) {
        Window.checkAccount(account);
        Window window = Window.parse(from, to, System.currentTimeMillis());
        String s = orEmpty(scenario), r = orEmpty(rule), v = orEmpty(variant);
        return access.requireVisible(account)
                .chain(() -> sums(account, window, s, r, v)
                        .map(counts -> Funnel.of(
                                account, window.from().toString(), window.to().toString(), s, r, v, counts)));
    }

    @GET
    @Produces(Csv.MEDIA_TYPE)
    @Operation(summary = "The same funnel as CSV: kind,name,count,drop_off,rate")
    public Uni<Response> csv(
            @PathParam("accountOpenId") String account,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("scenario") String scenario,
            @QueryParam("rule") String rule,
            @QueryParam("variant") String variant) {
        return json(account, from, to, scenario, rule, variant).map(Funnel::csv).map(Csv::response);
    }

    private static Uni<Map<String, Long>> sums(
            String account, Window window, String scenario, String rule, String variant) {
        return Panache.withSession(() -> Panache.getSession()
                .chain(session -> session.createNativeQuery(SUMS, Object[].class)
                        .setParameter("account", account)
                        .setParameter("from", window.fromMillis())
                        .setParameter("to", window.toMillis())
                        .setParameter("scenario", scenario)
                        .setParameter("rule", rule)
                        .setParameter("variant", variant)
                        .getResultList())
                .map(FunnelResource::byName));
    }

    static Map<String, Long> byName(List<Object[]> rows) {
        Map<String, Long> counts = new HashMap<>();
        for (Object[] row : rows) counts.put((String) row[0], ((Number) row[1]).longValue());
        return counts;
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value.strip();
    }
}
