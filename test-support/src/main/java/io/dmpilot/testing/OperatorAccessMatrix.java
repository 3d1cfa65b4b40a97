package io.dmpilot.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dmpilot.kit.auth.ApiKeyStore;
import io.dmpilot.kit.auth.Roles;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The operator access matrix of one service, generated from the endpoints it really serves ({@link
 * Endpoint#all()}), so an endpoint added without protection fails here: anonymous → 401, a wrong key → 401,
 * a viewer outside analytics reads or writing → 403, another agency's object → 404 (and, where the service
 * names {@link #agencyAObjects()}, a missing one → 404 and one's own → 2xx), the services' key → 403 outside
 * the account reads ({@link #serviceMay}), the superadmin → never 401/403. A service's test extends this with {@code @QuarkusTest} and names its open endpoints.
 */
public abstract class OperatorAccessMatrix {
    protected static final String AGENCY_A = "matrix-agency-a";
    protected static final String AGENCY_B = "matrix-agency-b";

    @Inject
    protected ApiKeyStore keys;

    /**
     * Endpoints that stay open, as {@code "POST /webhook/douyin"} (no trailing slash); each must say why in its
     * resource.
     */
    protected Set<String> openEndpoints() {
        return Set.of();
    }

    /** Endpoints whose objects belong to an agency, with values that point at {@link #AGENCY_B}'s objects. */
    protected Map<String, String> agencyBObjects() {
        return Map.of();
    }

    protected boolean agencyScoped(Endpoint endpoint) {
        return false;
    }

    /**
     * Values that point at {@link #AGENCY_A}'s own objects, for the checks that agency A reaches them and not a
     * missing one. Empty (the default): the service's own tests show that side.
     */
    protected Map<String, String> agencyAObjects() {
        return Map.of();
    }

    /** Values that point at objects nobody owns; the default path values unless one of them exists. */
    protected Map<String, String> missingObjects() {
        return Map.of();
    }

    /** Of the agency-scoped endpoints, those that answer 2xx on {@link #agencyAObjects()} as they are. */
    protected boolean answersOwnObjects(Endpoint endpoint) {
        return !endpoint.writes();
    }

    /** The body a write sends; a service gives valid ones where a refusal must not be about the body. */
    protected Object body(Endpoint endpoint) {
        return Map.of();
    }

    @Test
    void theServiceServesEndpoints() {
        assertFalse(protectedEndpoints().isEmpty(), "the OpenAPI document lists no protected endpoint");
    }

    /** service-kit's default: an endpoint without @RolesAllowed or @PermitAll is refused to everyone. */
    @Test
    void anEndpointWithoutARoleIsDenied() {
        assertTrue(ConfigProvider.getConfig()
                .getValue("quarkus.security.jaxrs.deny-unannotated-endpoints", Boolean.class));
    }

    @TestFactory
    Stream<DynamicTest> anonymousCallsAreRefusedWith401() {
        return each(protectedEndpoints(), e -> assertStatus(401, call(e, null, Map.of()), e));
    }

    @TestFactory
    Stream<DynamicTest> wrongOrUnknownKeysAreRefusedWith401() {
        String forged = OperatorKeys.LOCAL_BOOTSTRAP.substring(0, OperatorKeys.LOCAL_BOOTSTRAP.length() - 1) + "x";
        return each(protectedEndpoints(), e -> {
            assertStatus(401, call(e, forged, Map.of()), e);
            assertStatus(401, call(e, "dmp_000000000000_unknownunknownunknown", Map.of()), e);
        });
    }

    @TestFactory
    Stream<DynamicTest> aViewerReadsAnalyticsOnlyAndNeverWrites() {
        String viewer = issue(AGENCY_A, Roles.VIEWER);
        List<Endpoint> refused =
                protectedEndpoints().stream().filter(e -> !viewerMay(e)).toList();
        return each(refused, e -> assertStatus(403, call(e, viewer, Map.of()), e));
    }

    @TestFactory
    Stream<DynamicTest> aViewerReadsAnalytics() {
        String viewer = issue(AGENCY_A, Roles.VIEWER);
        List<Endpoint> allowed =
                protectedEndpoints().stream().filter(this::viewerMay).toList();
        return each(allowed, e -> assertPasses(call(e, viewer, Map.of()), e));
    }

    @TestFactory
    Stream<DynamicTest> anotherAgencysObjectsAnswer404() {
        String agencyAAdmin = issue(AGENCY_A, Roles.ADMIN);
        Map<String, String> agencyB = agencyBObjects();
        List<Endpoint> scoped =
                protectedEndpoints().stream().filter(this::agencyScoped).toList();
        return each(scoped, e -> assertStatus(404, call(e, agencyAAdmin, agencyB), e));
    }

    @TestFactory
    Stream<DynamicTest> anAgencyReachesItsOwnObjects() {
        Map<String, String> own = agencyAObjects();
        if (own.isEmpty()) return Stream.empty();
        String agencyAAdmin = issue(AGENCY_A, Roles.ADMIN);
        List<Endpoint> scoped = protectedEndpoints().stream()
                .filter(e -> agencyScoped(e) && answersOwnObjects(e))
                .toList();
        assertFalse(scoped.isEmpty(), "no agency-scoped endpoint answers its own objects");
        return each(scoped, e -> {
            Response response = call(e, agencyAAdmin, own);
            int status = response.statusCode();
            assertTrue(status >= 200 && status < 300, e + " answered " + status + ": " + response.asString());
        });
    }

    /** What no agency owns (the default path values) is a 404 for every agency's key, never an answer. */
    @TestFactory
    Stream<DynamicTest> missingObjectsAnswer404ToAgencies() {
        if (agencyAObjects().isEmpty()) return Stream.empty();
        String agencyAAdmin = issue(AGENCY_A, Roles.ADMIN);
        List<Endpoint> scoped =
                protectedEndpoints().stream().filter(this::agencyScoped).toList();
        return each(scoped, e -> assertStatus(404, call(e, agencyAAdmin, missingObjects()), e));
    }

    /** The services' key reads accounts where the service serves them ({@link #serviceMay}) and nothing else. */
    @TestFactory
    Stream<DynamicTest> theServiceKeyIsRefusedWith403OutsideAccountReads() {
        List<Endpoint> refused =
                protectedEndpoints().stream().filter(e -> !serviceMay(e)).toList();
        return each(refused, e -> assertStatus(403, call(e, OperatorKeys.LOCAL_SERVICE, Map.of()), e));
    }

    @TestFactory
    Stream<DynamicTest> theServiceKeyReadsAccounts() {
        List<Endpoint> allowed =
                protectedEndpoints().stream().filter(this::serviceMay).toList();
        return each(allowed, e -> assertPasses(call(e, OperatorKeys.LOCAL_SERVICE, Map.of()), e));
    }

    @TestFactory
    Stream<DynamicTest> theSuperadminPassesEveryCheck() {
        return each(protectedEndpoints(), e -> assertPasses(call(e, OperatorKeys.LOCAL_BOOTSTRAP, Map.of()), e));
    }

    /** A viewer reads analytics and nothing else (docs/SECURITY.md). */
    protected boolean viewerMay(Endpoint endpoint) {
        return !endpoint.writes() && endpoint.path().startsWith("/analytics/");
    }

    /** The endpoints the services' key may call: none, unless the service serves the account reads. */
    protected boolean serviceMay(Endpoint endpoint) {
        return false;
    }

    protected String issue(String agency, String role) {
        return keys.issue(agency, role, "access matrix")
                .await()
                .indefinitely()
                .key()
                .value();
    }

    protected List<Endpoint> protectedEndpoints() {
        return Endpoint.all().stream()
                .filter(e -> !openEndpoints().contains(e.toString().replaceAll("/$", "")))
                .toList();
    }

    protected Response call(Endpoint endpoint, String key, Map<String, String> pathValues) {
        RequestSpecification request = key == null ? RestAssured.given() : OperatorKeys.as(key);
        if (Set.of("POST", "PUT", "PATCH").contains(endpoint.method())) {
            request = request.contentType("application/json").body(body(endpoint));
        }
        return request.request(endpoint.method(), endpoint.url(pathValues));
    }

    private static void assertPasses(Response response, Endpoint endpoint) {
        int status = response.statusCode();
        assertTrue(status != 401 && status != 403, endpoint + " answered " + status + ": " + response.asString());
    }

    private static void assertStatus(int expected, Response response, Endpoint endpoint) {
        assertEquals(expected, response.statusCode(), endpoint + ": " + response.asString());
        if (expected == 401 || expected == 403) {
            assertTrue(response.contentType().startsWith("application/problem+json"), endpoint + " problem JSON");
        }
    }

    private static Stream<DynamicTest> each(List<Endpoint> endpoints, Consumer<Endpoint> check) {
        return endpoints.stream().map(e -> DynamicTest.dynamicTest(e.toString(), () -> check.accept(e)));
    }
}
