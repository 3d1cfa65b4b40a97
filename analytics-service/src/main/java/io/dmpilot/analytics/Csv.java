package io.dmpilot.analytics;

import jakarta.ws.rs.core.Response;

/** CSV as the reports' second representation. */
public final class Csv {
    /**
     * Asked for with {@code Accept: text/csv}; the lower server quality makes JSON the answer to clients that
     * accept anything (browsers' fetch, curl, tests).
     */
    public static final String MEDIA_TYPE = "text/csv;qs=0.5";

    /** The media type actually sent: without the server-side quality, which is for content negotiation only. */
    public static Response response(String body) {
        return Response.ok(body).type("text/csv;charset=UTF-8").build();
    }

    /** RFC 4180, always quoted: for values from user text (words, keywords). */
    public static String quoted(String value) {
        return "\"" + value.replace("\"", "\"\"") + "\"";
    }

    /** RFC 4180, quoted only where the value needs it: a short tag stays as it is, a comma or quote is escaped. */
    public static String field(String value) {
        boolean plain = value.chars().noneMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r');
        return plain ? value : quoted(value);
    }

    private Csv() {}
}
