package io.dmpilot.testing;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;

/**
 * The superadmin and service keys of tests and local runs, and requests that carry a key. Never use this key anywhere
 * else: deploy/local/run.sh and PipelineIT set the same value, a real deployment gets its own from a Secret.
 */
public final class OperatorKeys {
    /** Local runs and tests only (docs/SECURITY.md); {@link TestServices} configures every service with it. */
    public static final String LOCAL_BOOTSTRAP = "dmp_local_dmpilot-local-bootstrap-only";

    /**
     * The services' key of tests and local runs: reads every agency's accounts, nothing else (docs/SECURITY.md).
     * Its prefix differs from {@link #LOCAL_BOOTSTRAP}'s, as the verifier requires.
     */
    public static final String LOCAL_SERVICE = "dmp_localsvc_dmpilot-local-service-only";

    public static final String AUTHORIZATION = "Authorization";

    public static String bearer(String key) {
        return "Bearer " + key;
    }

    /** A request as the platform's superadmin. */
    public static RequestSpecification asSuperadmin() {
        return as(LOCAL_BOOTSTRAP);
    }

    /** A request as the platform's services reading accounts. */
    public static RequestSpecification asService() {
        return as(LOCAL_SERVICE);
    }

    public static RequestSpecification as(String key) {
        return RestAssured.given().header(AUTHORIZATION, bearer(key));
    }

    private OperatorKeys() {}
}
