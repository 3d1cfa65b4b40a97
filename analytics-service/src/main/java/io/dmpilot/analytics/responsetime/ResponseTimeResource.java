package io.dmpilot.analytics.responsetime;

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

/** Response-time distribution, percentiles and SLO shares of an account over a window of hours. */
@RolesAllowed(Roles.VIEWER)
@Path("/analytics/accounts/{accountOpenId}/response-times")
public class ResponseTimeResource {
    private static final String TOTALS = "SELECT tier, SUM(timed_count), SUM(total_millis), SUM(within_window_count),"
            + " SUM(within_slo_count) FROM {h-schema}response_time_hour WHERE account_open_id = :account"
            + " AND hour_start >= :from AND hour_start < :to GROUP BY tier";
    private static final String VALUES = "SELECT value_millis, SUM(count) FROM {h-schema}response_time_value"
            + " WHERE account_open_id = :account AND hour_start >= :from AND hour_start < :to GROUP BY value_millis";

    private final AccountAccess access;

    public ResponseTimeResource(AccountAccess access) {
        this.access = access;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "p50/p90/p99, share within 90 s and within each tier's SLO, histogram")
    public Uni<ResponseTimes> json(
            @PathParam("accountOpenId") String account, @QueryParam("from") String from, @QueryParam("to") String to) {
        Window.checkAccount(account);
        Window window = Window.parse(from, to, System.currentTimeMillis());
        return access.requireVisible(account)
                .chain(() -> Panache.withSession(() -> Panache.getSession()
                        .chain(session -> query(session.createNativeQuery(TOTALS, Object[].class), account, window)
                                .chain(totals -> query(
                                                session.createNativeQuery(VALUES, Object[].class), account, window)
                                        .map(values -> ResponseTimes.of(
                                                account,
                                                window.from().toString(),
                                                window.to().toString(),
                                                totals(totals),
                                                values(values)))))));
    }

    @GET
    @Produces(Csv.MEDIA_TYPE)
    @Operation(summary = "The histogram as CSV: from_millis,to_millis,count (to_millis -1 = open)")
    public Uni<Response> csv(
            @PathParam("accountOpenId") String account, @QueryParam("from") String from, @QueryParam("to") String to) {
        return json(account, from, to)
                .map(times -> {
                    StringBuilder csv = new StringBuilder("from_millis,to_millis,count\n");
                    times.histogram()
                            .forEach(bin -> csv.append(bin.fromMillis())
                                    .append(',')
                                    .append(bin.toMillis())
                                    .append(',')
                                    .append(bin.count())
                                    .append('\n'));
                    return csv.toString();
                })
                .map(Csv::response);
    }

    private static Uni<List<Object[]>> query(
            org.hibernate.reactive.mutiny.Mutiny.SelectionQuery<Object[]> query, String account, Window window) {
        return query.setParameter("account", account)
                .setParameter("from", window.fromMillis())
                .setParameter("to", window.toMillis())
                .getResultList();
    }

    private static Map<String, ResponseTimes.Totals> totals(List<Object[]> rows) {
        Map<String, ResponseTimes.Totals> totals = new HashMap<>();
        for (Object[] r : rows) {
            totals.put((String) r[0], new ResponseTimes.Totals(n(r[1]), n(r[2]), n(r[3]), n(r[4])));
        }
        return totals;
    }

    private static Map<Long, Long> values(List<Object[]> rows) {
        Map<Long, Long> values = new HashMap<>();
        for (Object[] r : rows) values.put(n(r[0]), n(r[1]));
        return values;
    }

    private static long n(Object value) {
        return ((Number) value).longValue();
    }
}
