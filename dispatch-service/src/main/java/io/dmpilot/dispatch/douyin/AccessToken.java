package io.dmpilot.dispatch.douyin;

/** An account's tokens (access 15 days, refresh 30 days). Never logged. */
public record AccessToken(String access, String refresh, long expiresAt) {
    @Override
    public String toString() {
        return "AccessToken[expiresAt=" + expiresAt + "]";
    }
}
