package io.dmpilot.dispatch.access;

import io.dmpilot.testing.OperatorAccessMatrix;
import io.dmpilot.testing.TestServices;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Set;

/** dispatch-service's access matrix over every endpoint it serves: the hand-off queue is for operators. */
@QuarkusTest
@WithTestResource(value = TestServices.class, initArgs = @ResourceArg(name = "services", value = "kafka,redis"))
class DispatchAccessMatrixTest extends OperatorAccessMatrix {
    /** The tests' stand-ins for the Douyin platform, served by the test application itself. */
    @Override
    protected Set<String> openEndpoints() {
        return Set.of("POST /im/send/msg", "POST /oauth/refresh_token");
    }
}
