package io.dmpilot.kit;

import com.fasterxml.jackson.annotation.JsonInclude;

/** RFC 9457 problem details: the body of every 4xx/5xx answer of every dmpilot REST endpoint. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String field) {
    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(int status, String title, String detail) {
        return new Problem("about:blank", title, status, detail, null);
    }

    public static Problem ofField(int status, String field, String detail) {
        return new Problem("about:blank", "Invalid field", status, detail, field);
    }
}
