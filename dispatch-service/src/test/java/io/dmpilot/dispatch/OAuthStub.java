package io.dmpilot.dispatch;

import io.dmpilot.dispatch.douyin.TokenRefreshResponse;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/** The platform's token refresh, served by the test application: hands out a new token per call. */
@Path("/oauth/refresh_token/")
@PermitAll // plays the Douyin platform, which dmpilot's operator keys have nothing to do with
public class OAuthStub {
    public record Refresh(String clientKey, String grantType, String refreshToken, String issued) {}

    static final Queue<Refresh> REFRESHES = new ConcurrentLinkedQueue<>();
    private static final AtomicInteger ISSUED = new AtomicInteger();

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public TokenRefreshResponse refresh(
            @FormParam("client_key") String clientKey,
            @FormParam("grant_type") String grantType,
            @FormParam("refresh_token") String refreshToken) {
        int n = ISSUED.incrementAndGet();
        String access = "fresh-access-" + n;
        REFRESHES.add(new Refresh(clientKey, grantType, refreshToken, access));
        return new TokenRefreshResponse(
                new TokenRefreshResponse.Data(
                        access, 15 * 86_400, "fresh-refresh-" + n, 30 * 86_400, "", "im.direct_message", 0, ""),
                "success");
    }
}
