package io.dmpilot.kit.accounts;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * rules-service's account reads. Package-private use only: everything goes through {@link RulesClient}. Reads
 * every agency's accounts, so it calls with the platform's service key, which may do nothing else; where that
 * is not configured, with the bootstrap key (docs/SECURITY.md).
 */
@RegisterRestClient(configKey = "rules")
@ClientHeaderParam(name = "Authorization", value = "{platformAuthorization}")
@Path("/accounts")
@Produces(MediaType.APPLICATION_JSON)
public interface RulesAccountsApi {
    @GET
    Uni<List<KnownAccount>> page(@QueryParam("page") int page, @QueryParam("size") int size);

    @GET
    @Path("/{openId}")
    Uni<KnownAccount> get(@PathParam("openId") String openId);

    /** The least key that reads every agency's accounts: the service key, else the bootstrap key. */
    default String platformAuthorization() {
        Config config = ConfigProvider.getConfig();
        String key = config.getOptionalValue("dmpilot.auth.service-key", String.class)
                .or(() -> config.getOptionalValue("dmpilot.auth.bootstrap-key", String.class))
                .orElse("");
        return "Bearer " + key;
    }
}
