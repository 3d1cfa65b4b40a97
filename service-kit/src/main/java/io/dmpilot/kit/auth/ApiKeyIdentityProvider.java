package io.dmpilot.kit.auth;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Turns a verified key into the caller's identity: principal {@code key:<prefix>} (never the secret), the
 * key's role with every role below it, and its agency as the attribute {@link Caller#AGENCY}.
 */
@ApplicationScoped
public class ApiKeyIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {
    private final ApiKeyVerifier verifier;

    public ApiKeyIdentityProvider(ApiKeyVerifier verifier) {
        this.verifier = verifier;
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(
            TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        return verifier.verify(request.getToken().getToken()).map(record -> {
            if (record == null) throw new AuthenticationFailedException("unknown, revoked or malformed API key");
            return identityOf(record);
        });
    }

    static SecurityIdentity identityOf(KeyRecord record) {
        QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal("key:" + record.prefix()))
                .addRoles(Roles.implied(record.role()));
        if (record.agencyId() != null) identity.addAttribute(Caller.AGENCY, record.agencyId());
        return identity.build();
    }
}
