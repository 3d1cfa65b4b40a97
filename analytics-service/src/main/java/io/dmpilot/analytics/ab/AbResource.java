package io.dmpilot.analytics.ab;

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

/** A/B results: conversion per variant with a two-proportion z-test against the baseline. */
@RolesAllowed(Roles.VIEWER)
@Path("/analytics/accounts/{accountOpenId}/ab")
public class AbResource {
    private static final String SUMS = "SELECT variant, step, SUM(count) FROM {h-schema}funnel_count"
            + " WHERE account_open_id = :account AND hour_start >= :from AND hour_start < :to AND variant <> ''"
            + " AND step IN ('SENT', 'CONVERTED') AND (:rule = '' OR rule_id = :rule) GROUP BY variant, step";

    private final AccountAccess access;

    public AbResource(AccountAccess access) {
        this.access = access;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Conversion per variant, z and two-sided p against the baseline variant")
    public Uni<AbResult> json(
            @PathParam("accountOpenId") String account,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("rule") String rule,
            @QueryParam("baseline") String baseline) {
        Window.checkAccount(account);
        Window window = Window.parse(from, to, System.currentTimeMillis());
        String ruleId = rule == null ? "" : rule.strip();
        return access.requireVisible(account)
                .chain(() -> Panache.withSession(() -> Panache.getSession()
                        .chain(session -> session.createNativeQuery(SUMS, Object[].class)
                                .setParameter("account", account)
                                .setParameter("from", window.fromMillis())
                                .setParameter("to", window.toMillis())
                                .setParameter("rule", ruleId)
                                .getResultList())
                        .map(rows -> AbResult.of(
                                account,
                                window.from().toString(),
                                window.to().toString(),
                                ruleId,
                                baseline,
                                counts(rows)))));
    }

    @GET
    @Produces(Csv.MEDIA_TYPE)
    @Operation(summary = "The same as CSV: variant,sent,converted,rate,z,p_value,significant")
    public Uni<Response> csv(
            @PathParam("accountOpenId") String account,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("rule") String rule,
            @QueryParam("baseline") String baseline) {
        return json(account, from, to, rule, baseline)
                .map(result -> {
                    StringBuilder csv = new StringBuilder("variant,sent,converted,rate,z,p_value,significant\n");
                    for (AbResult.Variant v : result.variants()) {
                        var t = v.versusBaseline();
                        csv.append('"')
                                .append(v.variant().replace("\"", "\"\""))
                                .append("\",")
                                .append(v.sent())
                                .append(',')
                                .append(v.converted())
                                .append(',')
                                .append(v.conversionRate())
                                .append(',')
                                .append(t == null ? "" : t.z())
                                .append(',')
                                .append(t == null ? "" : t.pValue())
                                .append(',')
                                .append(t == null ? "" : t.significant())
                                .append('\n');
                    }
                    return csv.toString();
                })
                .map(Csv::response);
    }

    private static Map<String, long[]> counts(List<Object[]> rows) {
        Map<String, long[]> counts = new HashMap<>();
        for (Object[] r : rows) {
            long[] c = counts.computeIfAbsent((String) r[0], v -> new long[2]);
            c["SENT".equals(r[1]) ? 0 : 1] += ((Number) r[2]).longValue();
        }
        return counts;
    }
}
