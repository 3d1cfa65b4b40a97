package io.dmpilot.dispatch.douyin;

import io.dmpilot.contracts.douyin.DouyinSendRequest;
import io.dmpilot.contracts.douyin.DouyinSendResponse;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The platform's send endpoint. Package-private use only: everything goes through {@link DouyinClient}. */
@RegisterRestClient(configKey = "douyin")
@Path("/im/send/msg/")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public interface DouyinSendApi {
    @POST
    Uni<DouyinSendResponse> send(
            @QueryParam("open_id") String accountOpenId,
            @HeaderParam("access-token") String accessToken,
            DouyinSendRequest request);
}
