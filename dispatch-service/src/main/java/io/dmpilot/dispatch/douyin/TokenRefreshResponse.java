package io.dmpilot.dispatch.douyin;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The platform's answer to {@code POST /oauth/refresh_token/}: {@code data.error_code} 0 means renewed. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TokenRefreshResponse(
        @JsonProperty("data") Data data,
        @JsonProperty("message") String message) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Data(
            @JsonProperty("access_token") String accessToken,
            @JsonProperty("expires_in") long expiresInSeconds,
            @JsonProperty("refresh_token") String refreshToken,
            @JsonProperty("refresh_expires_in") long refreshExpiresInSeconds,
            @JsonProperty("open_id") String openId,
            @JsonProperty("scope") String scope,
            @JsonProperty("error_code") long errorCode,
            @JsonProperty("description") String description) {
        @Override
        public String toString() {
            return "Data[errorCode=" + errorCode + ", expiresIn=" + expiresInSeconds + "]"; // never the tokens
        }
    }
}
