package io.dmpilot.analytics.access;

import io.dmpilot.testing.OperatorAccessMatrix;
import io.dmpilot.testing.TestServices;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** analytics-service's access matrix over every endpoint it serves: all are reads, open to viewers. */
@QuarkusTest
@WithTestResource(value = TestServices.class, initArgs = @ResourceArg(name = "services", value = "kafka,postgres"))
class AnalyticsAccessMatrixTest extends OperatorAccessMatrix {}
