package io.dmpilot.analytics.keywords;

import io.dmpilot.analytics.Csv;
import io.dmpilot.analytics.TimeBuckets;
import io.dmpilot.analytics.Window;
import io.dmpilot.kit.ProblemException;
import io.dmpilot.kit.accounts.AccountAccess;
import io.dmpilot.kit.auth.Roles;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** Word frequencies of inbound text and rule keyword triggers, per day in Asia/Shanghai, JSON or CSV. */
@RolesAllowed(Roles.VIEWER)
@Path("/analytics/accounts/{accountOpenId}/keywords")
public class KeywordResource {
    private static final int MAX_LIMIT = 500;
    private static final String WORDS = "SELECT word,"
            + " SUM(CASE WHEN day BETWEEN :from AND :to THEN count ELSE 0 END),"
            + " SUM(CASE WHEN day BETWEEN :compareFrom AND :compareTo THEN count ELSE 0 END)"
            + " FROM {h-schema}word_count WHERE account_open_id = :account"
            + " AND (day BETWEEN :from AND :to OR day BETWEEN :compareFrom AND :compareTo) GROUP BY word";
    private static final String RULE_KEYWORDS = "SELECT rule_id, keyword, SUM(count) FROM {h-schema}rule_keyword_count"
            + " WHERE account_open_id = :account AND day BETWEEN :from AND :to"
            + " GROUP BY rule_id, keyword ORDER BY 3 DESC, 1, 2 LIMIT :limit";

    private final AccountAccess access;

    public KeywordResource(AccountAccess access) {
        this.access = access;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Top, rising and falling words of inbound text; rule keyword trigger counts")
    public Uni<KeywordReport> json(
            @PathParam("accountOpenId") String account,
            @Parameter(description = "first day, inclusive (yyyy-MM-dd); default 6 days before to") @QueryParam("from")
                    String from,
            @Parameter(description = "last day, inclusive; default today") @QueryParam("to") String to,
            @Parameter(description = "comparison period's first day; default the equally long period before")
                    @QueryParam("compareFrom")
                    String compareFrom,
            @Parameter(description = "comparison period's last day") @QueryParam("compareTo") String compareTo,
            @QueryParam("limit") @DefaultValue("50") int limit) {
        Window.checkAccount(account);
        if (limit < 1 || limit > MAX_LIMIT) throw ProblemException.invalidField("limit", "1 to " + MAX_LIMIT);
        LocalDate end = day("to", to, TimeBuckets.dayOf(System.currentTimeMillis()));
        LocalDate start = day("from", from, end.minusDays(6));
        if (start.isAfter(end)) throw ProblemException.invalidField("from", "from must not be after to");
        long days = ChronoUnit.DAYS.between(start, end) + 1;
        LocalDate compareEnd = day("compareTo", compareTo, start.minusDays(1));
        LocalDate compareStart = day("compareFrom", compareFrom, compareEnd.minusDays(days - 1));
        return access.requireVisible(account)
                .chain(() -> Panache.withSession(() -> Panache.getSession()
                        .chain(session -> session.createNativeQuery(WORDS, Object[].class)
                                .setParameter("account", account)
                                .setParameter("from", start)
                                .setParameter("to", end)
                                .setParameter("compareFrom", compareStart)
                                .setParameter("compareTo", compareEnd)
                                .getResultList()
                                .chain(words -> session.createNativeQuery(RULE_KEYWORDS, Object[].class)
                                        .setParameter("account", account)
                                        .setParameter("from", start)
                                        .setParameter("to", end)
                                        .setParameter("limit", limit)
                                        .getResultList()
                                        .map(rules -> report(
                                                account,
                                                start,
                                                end,
                                                compareStart,
                                                compareEnd,
                                                words,
                                                rules,
                                                limit))))));
    }

    @GET
    @Produces(Csv.MEDIA_TYPE)
    @Operation(summary = "The same as CSV: list,word_or_keyword,rule_id,count,previous_count,change")
    public Uni<Response> csv(
            @PathParam("accountOpenId") String account,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("compareFrom") String compareFrom,
            @QueryParam("compareTo") String compareTo,
            @QueryParam("limit") @DefaultValue("50") int limit) {
        return json(account, from, to, compareFrom, compareTo, limit)
                .map(KeywordResource::csv)
                .map(Csv::response);
    }

    private static KeywordReport report(
            String account,
            LocalDate from,
            LocalDate to,
            LocalDate compareFrom,
            LocalDate compareTo,
            List<Object[]> wordRows,
            List<Object[]> ruleRows,
            int limit) {
        List<KeywordReport.WordTrend> words = wordRows.stream()
                .map(r -> new KeywordReport.WordTrend((String) r[0], number(r[1]), number(r[2])))
                .toList();
        List<KeywordReport.RuleKeyword> rules = ruleRows.stream()
                .map(r -> new KeywordReport.RuleKeyword((String) r[0], (String) r[1], number(r[2])))
                .toList();
        return new KeywordReport(
                account,
                from.toString(),
                to.toString(),
                compareFrom.toString(),
                compareTo.toString(),
                KeywordReport.top(words, limit),
                KeywordReport.rising(words, limit),
                KeywordReport.falling(words, limit),
                rules);
    }

    private static String csv(KeywordReport report) {
        StringBuilder csv = new StringBuilder("list,word,rule_id,count,previous_count,change\n");
        appendWords(csv, "top", report.top());
        appendWords(csv, "rising", report.rising());
        appendWords(csv, "falling", report.falling());
        for (KeywordReport.RuleKeyword k : report.ruleKeywords()) {
            csv.append("rule_keyword,")
                    .append(Csv.quoted(k.keyword()))
                    .append(',')
                    .append(Csv.quoted(k.ruleId()))
                    .append(',')
                    .append(k.count())
                    .append(",,\n");
        }
        return csv.toString();
    }

    private static void appendWords(StringBuilder csv, String list, List<KeywordReport.WordTrend> words) {
        for (KeywordReport.WordTrend w : words) {
            csv.append(list)
                    .append(',')
                    .append(Csv.quoted(w.word()))
                    .append(",,")
                    .append(w.count())
                    .append(',')
                    .append(w.previousCount())
                    .append(',')
                    .append(w.change())
                    .append('\n');
        }
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }

    private static LocalDate day(String field, String value, LocalDate fallback) {
        if (value == null || value.isBlank()) return fallback;
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField(field, "a date such as 2026-11-25");
        }
    }
}
