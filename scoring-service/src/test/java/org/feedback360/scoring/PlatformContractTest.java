package org.feedback360.scoring;

import io.quarkus.test.junit.QuarkusTest;
import org.feedback360.testsupport.PlatformContract;

/** Health, metrics, OpenAPI and problem answers, as every service promises (see PlatformContract). */
@QuarkusTest
class PlatformContractTest extends PlatformContract {

    @Override
    protected String protectedPath() {
        return "/api/v1/reports/00000000-0000-0000-0000-000000000000/E-1";
    }
}
