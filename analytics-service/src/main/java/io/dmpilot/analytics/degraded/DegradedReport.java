package io.dmpilot.analytics.degraded;

import io.dmpilot.analytics.Csv;
import java.util.Comparator;
import java.util.List;

/**
 * An account's degraded replies over a window: a CUSTOM account's messages answered by its keyword rules or
 * its fixed reply because the semantic engine was behind (rules-service's {@code degraded} marker). What an
 * agency checks before telling a client its CUSTOM tier held up under load.
 */
public record DegradedReport(String accountOpenId, String from, String to, long total, List<Reason> reasons) {

    /** @param tier the tier whose engine answered instead; empty when no engine did */
    public record Reason(String reason, String tier, long count) {}

    public static DegradedReport of(String account, String from, String to, List<Reason> reasons) {
        List<Reason> ordered = reasons.stream()
                .sorted(Comparator.comparingLong(Reason::count)
                        .reversed()
                        .thenComparing(Reason::reason)
                        .thenComparing(Reason::tier))
                .toList();
        long total = ordered.stream().mapToLong(Reason::count).sum();
        return new DegradedReport(account, from, to, total, ordered);
    }

    public String csv() {
        StringBuilder csv = new StringBuilder("reason,tier,count\n");
        for (Reason r : reasons) {
            // the reason comes from the record as produced: a comma or quote in it must not shift the columns
            csv.append(Csv.field(r.reason()))
                    .append(',')
                    .append(r.tier())
                    .append(',')
                    .append(r.count())
                    .append('\n');
        }
        return csv.toString();
    }
}
