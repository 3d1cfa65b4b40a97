package io.dmpilot.analytics;

/** CSV as the reports' second representation. */
public final class Csv {
    /**
     * Asked for with {@code Accept: text/csv}; the lower server quality makes JSON the answer to clients that
     * accept anything (browsers' fetch, curl, tests).
     */
    public static final String MEDIA_TYPE = "text/csv;qs=0.5";

    private Csv() {}
}
