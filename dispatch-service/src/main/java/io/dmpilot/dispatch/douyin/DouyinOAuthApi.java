package io.dmpilot.dispatch.douyin;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The platform's token refresh. Use only through {@link DouyinClient}. */
@RegisterRestClient(configKey = "douyin")
@Path("/oauth/refresh_token/")
public interface DouyinOAuthApi {
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    Uni<TokenRefreshResponse> refresh(
            @FormParam("client_key") String clientKey,
            @FormParam("grant_type") String grantType,
            @FormParam("refresh_token") String refreshToken);
}
