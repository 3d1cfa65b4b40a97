package io.dmpilot.dispatch.credentials;

import io.dmpilot.kit.ProblemException;
import java.util.regex.Pattern;

/**
 * An account's platform tokens as its agency's admin hands them over (from the Douyin Open Platform's OAuth):
 * {@code expiresIn} in seconds, as the platform gives it. Never echoed, never logged.
 */
public record CredentialsRequest(String accessToken, String refreshToken, Long expiresIn) {
    /** Tokens are printable ASCII without spaces; the platform's are well under this length. */
    private static final Pattern TOKEN = Pattern.compile("[\\x21-\\x7e]{1,512}");

    /** A year: the platform's access tokens last 15 days, so anything longer is a mistake. */
    static final long MAX_EXPIRES_IN = 365L * 86_400;

    void validate() {
        requireToken("accessToken", accessToken);
        requireToken("refreshToken", refreshToken);
        if (expiresIn == null) throw ProblemException.invalidField("expiresIn", "required (seconds)");
        if (expiresIn < 1 || expiresIn > MAX_EXPIRES_IN) {
            throw ProblemException.invalidField("expiresIn", "between 1 and " + MAX_EXPIRES_IN + " seconds");
        }
    }

    /** The message names the field and the rule, never the value. */
    private static void requireToken(String field, String value) {
        if (value == null || value.isEmpty()) throw ProblemException.invalidField(field, "required");
        if (!TOKEN.matcher(value).matches()) {
            throw ProblemException.invalidField(field, "1 to 512 printable ASCII characters without spaces");
        }
    }

    @Override
    public String toString() {
        return "CredentialsRequest[expiresIn=" + expiresIn + "]";
    }
}
