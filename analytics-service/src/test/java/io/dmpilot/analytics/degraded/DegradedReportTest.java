package io.dmpilot.analytics.degraded;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class DegradedReportTest {
    @Test
    void reasonsComeMostFrequentFirstWithTheirTotal() {
        DegradedReport report = DegradedReport.of(
                "acct-1",
                "2026-11-20T02:00:00Z",
                "2026-11-20T03:00:00Z",
                List.of(
                        new DegradedReport.Reason("semantic-timeout", "BASIC", 1),
                        new DegradedReport.Reason("semantic-backlog", "ADVANCED", 7),
                        new DegradedReport.Reason("semantic-backlog", "", 1)));

        assertEquals(9, report.total());
        assertEquals(
                List.of(
                        new DegradedReport.Reason("semantic-backlog", "ADVANCED", 7),
                        new DegradedReport.Reason("semantic-backlog", "", 1),
                        new DegradedReport.Reason("semantic-timeout", "BASIC", 1)),
                report.reasons());
        assertEquals(
                "reason,tier,count\nsemantic-backlog,ADVANCED,7\nsemantic-backlog,,1\nsemantic-timeout,BASIC,1\n",
                report.csv());
    }

    @Test
    void noDegradedRepliesIsAnEmptyReportNotAnError() {
        DegradedReport report = DegradedReport.of("acct-1", "a", "b", List.of());
        assertEquals(0, report.total());
        assertEquals("reason,tier,count\n", report.csv());
    }

    @Test
    void aReasonWithACommaOrQuoteStaysInItsColumn() {
        DegradedReport report =
                DegradedReport.of("acct-1", "a", "b", List.of(new DegradedReport.Reason("late, \"very\"", "BASIC", 2)));
        assertEquals("reason,tier,count\n\"late, \"\"very\"\"\",BASIC,2\n", report.csv());
    }
}
