package io.dmpilot.sim.oauth;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.dmpilot.sim.SimConfig;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * The platform's {@code POST /oauth/refresh_token/}: {@code client_key}, {@code grant_type=refresh_token} and
 * {@code refresh_token} as a form or as query parameters. Errors answer HTTP 200 with a non-zero
 * {@code data.error_code} and {@code message: "error"}, as the platform does.
 */
@Path("/oauth/refresh_token/")
@Produces(MediaType.APPLICATION_JSON)
public class RefreshTokenResource {
    static final long MISSING_PARAMETER = 10005;
    static final long REFRESH_TOKEN_EXPIRED = 10010;
    static final long CLIENT_KEY_INVALID = 10013;

    private final IssuedTokens tokens;
    private final SimConfig config;

    public RefreshTokenResource(IssuedTokens tokens, SimConfig config) {
        this.tokens = tokens;
        this.config = config;
    }

    /** Fields a refusal does not have are left out, as the platform leaves them out. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Data(
            @JsonProperty("access_token") String accessToken,
            @JsonProperty("expires_in") Long expiresIn,
            @JsonProperty("refresh_token") String refreshToken,
            @JsonProperty("refresh_expires_in") Long refreshExpiresIn,
            @JsonProperty("open_id") String openId,
            @JsonProperty("scope") String scope,
            @JsonProperty("error_code") long errorCode,
            @JsonProperty("description") String description) {}

    public record Answer(Data data, String message) {}

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Answer refreshForm(
            @FormParam("client_key") String clientKey,
            @FormParam("grant_type") String grantType,
            @FormParam("refresh_token") String refreshToken,
            @QueryParam("client_key") String queryClientKey,
            @QueryParam("grant_type") String queryGrantType,
            @QueryParam("refresh_token") String queryRefreshToken) {
        return refresh(
                either(clientKey, queryClientKey),
                either(grantType, queryGrantType),
                either(refreshToken, queryRefreshToken));
    }

    /** Query parameters only, with no body or a body of another type. */
    @POST
    @Consumes(MediaType.WILDCARD)
    public Answer refreshQuery(
            @QueryParam("client_key") String clientKey,
            @QueryParam("grant_type") String grantType,
            @QueryParam("refresh_token") String refreshToken) {
        return refresh(clientKey, grantType, refreshToken);
    }

    private Answer refresh(String clientKey, String grantType, String refreshToken) {
        if (blank(clientKey) || blank(refreshToken) || !"refresh_token".equals(grantType)) {
            return error(MISSING_PARAMETER, "client_key, refresh_token and grant_type=refresh_token are required");
        }
        if (!config.clientKey().equals(clientKey)) {
            return error(CLIENT_KEY_INVALID, "client_key invalid");
        }
        return tokens.refresh(refreshToken)
                .map(pair -> new Answer(
                        new Data(
                                pair.accessToken(),
                                pair.expiresInSeconds(),
                                pair.refreshToken(),
                                pair.refreshExpiresInSeconds(),
                                "",
                                "im.direct_message",
                                0,
                                ""),
                        "success"))
                .orElseGet(() -> error(REFRESH_TOKEN_EXPIRED, "refresh_token expired"));
    }

    private static Answer error(long code, String description) {
        return new Answer(new Data(null, null, null, null, null, null, code, description), "error");
    }

    private static String either(String form, String query) {
        return blank(form) ? query : form;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
