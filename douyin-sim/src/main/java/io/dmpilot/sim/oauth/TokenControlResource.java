package io.dmpilot.sim.oauth;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Drives the simulated platform's tokens: expire them all, so the next send must refresh first. */
@Path("/sim/tokens")
@Produces(MediaType.APPLICATION_JSON)
public class TokenControlResource {
    private final IssuedTokens tokens;

    public TokenControlResource(IssuedTokens tokens) {
        this.tokens = tokens;
    }

    public record Expired(int accessTokens) {}

    @POST
    @Path("/expire")
    public Expired expire() {
        return new Expired(tokens.expireAccessTokens());
    }
}
