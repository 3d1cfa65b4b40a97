package io.dmpilot.kit.limits;

import io.dmpilot.kit.Problem;
import io.dmpilot.kit.auth.ApiKey;
import io.dmpilot.kit.auth.AuthConfig;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Every operator endpoint of every service spends the calling key's {@link RequestBudget}; past it the answer
 * is 429 with {@code Retry-After}. It runs after the role check, so it sees only verified keys: open endpoints
 * (no identity) and refused calls (401/403) spend nothing. The bootstrap and service keys are exempt: they are
 * the platform's own, and the services read every account with them (docs/SECURITY.md).
 */
public class RateLimitFilter {
    private static final String PRINCIPAL_PREFIX = "key:";

    private final RequestBudget budget;
    private final RateLimitConfig config;
    private final Set<String> exemptPrincipals;

    public RateLimitFilter(RequestBudget budget, RateLimitConfig config, AuthConfig auth) {
        this.budget = budget;
        this.config = config;
        this.exemptPrincipals = Stream.of(auth.bootstrapKey(), auth.serviceKey())
                .flatMap(Optional::stream)
                .flatMap(value -> ApiKey.parse(value).stream())
                .map(key -> PRINCIPAL_PREFIX + key.prefix())
                .collect(Collectors.toUnmodifiableSet());
    }

    @ServerRequestFilter
    public Uni<Response> limit(RoutingContext context) {
        String principal = verifiedPrincipal(context);
        if (!config.enabled() || principal == null || exemptPrincipals.contains(principal)) {
            return Uni.createFrom().nullItem();
        }
        return budget.spend(principal.substring(PRINCIPAL_PREFIX.length()))
                .map(verdict -> verdict.allowed() ? null : tooMany(verdict));
    }

    private static String verifiedPrincipal(RoutingContext context) {
        if (!(context.user() instanceof QuarkusHttpUser user)) return null;
        SecurityIdentity identity = user.getSecurityIdentity();
        if (identity == null || identity.isAnonymous()) return null;
        String name = identity.getPrincipal().getName();
        return name.startsWith(PRINCIPAL_PREFIX) ? name : null;
    }

    private static Response tooMany(RequestBudget.Verdict verdict) {
        long seconds = Math.max(1, (verdict.retryAfter().toMillis() + 999) / 1000);
        return Response.status(429)
                .type(Problem.MEDIA_TYPE)
                .header("Retry-After", seconds)
                .entity(Problem.of(
                        429,
                        "Too many requests",
                        "this API key's request limit is reached; retry in " + seconds + " s"))
                .build();
    }
}
