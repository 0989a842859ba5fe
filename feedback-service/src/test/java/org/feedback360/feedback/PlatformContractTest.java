package org.feedback360.feedback;

import io.quarkus.test.junit.QuarkusTest;
import org.feedback360.testsupport.PlatformContract;

@QuarkusTest
class PlatformContractTest extends PlatformContract {

    @Override
    protected String protectedPath() {
        return "/api/v1/me";
    }
}
