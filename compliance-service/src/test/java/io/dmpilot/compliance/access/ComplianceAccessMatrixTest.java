package io.dmpilot.compliance.access;

import io.dmpilot.testing.OperatorAccessMatrix;
import io.dmpilot.testing.TestServices;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** compliance-service's access matrix over every endpoint it serves: lexicons, policies, risk, checks are for operators. */
@QuarkusTest
@WithTestResource(value = TestServices.class, initArgs = @ResourceArg(name = "services", value = "kafka,postgres"))
class ComplianceAccessMatrixTest extends OperatorAccessMatrix {}
