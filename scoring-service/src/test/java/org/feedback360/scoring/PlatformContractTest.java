package org.feedback360.scoring;

import io.quarkus.test.junit.QuarkusTest;
import org.feedback360.testsupport.PlatformContract;

/** Health, metrics, OpenAPI and problem answers, as every service promises (see PlatformContract). */
@QuarkusTest
class PlatformContractTest extends PlatformContract {

    @Override
    protected String protectedPath() {
        // The report API is not built yet (issue 4); only the engine exists.
        return null;
    }
}
