package org.feedback360.scoring;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.feedback360.scoring.support.TestTopics;
import org.feedback360.testsupport.PlatformContract;

/** Health, metrics, OpenAPI and problem answers, as every service promises (see PlatformContract). */
@QuarkusTest
@QuarkusTestResource(TestTopics.class)
class PlatformContractTest extends PlatformContract {

    @Override
    protected String protectedPath() {
        return "/api/v1/reports";
    }
}
