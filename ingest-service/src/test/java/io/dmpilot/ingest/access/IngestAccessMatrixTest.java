package io.dmpilot.ingest.access;

import io.dmpilot.testing.Endpoint;
import io.dmpilot.testing.OperatorAccessMatrix;
import io.dmpilot.testing.TestServices;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Set;

/**
 * ingest-service's access matrix. Its two own endpoints are open to outside systems with their own checks
 * (the platform's signature, the shop's conversion key); the rules-service stub of the tests is protected like
 * rules-service's account reads.
 */
@QuarkusTest
@WithTestResource(value = TestServices.class, initArgs = @ResourceArg(name = "services", value = "kafka,redis"))
class IngestAccessMatrixTest extends OperatorAccessMatrix {
    @Override
    protected Set<String> openEndpoints() {
        return Set.of("POST /webhook/douyin", "POST /conversions");
    }

    /** The rules-service stub serves the account reads ingest makes with the services' key. */
    @Override
    protected boolean serviceMay(Endpoint endpoint) {
        return endpoint.path().startsWith("/accounts") && endpoint.method().equals("GET");
    }
}
