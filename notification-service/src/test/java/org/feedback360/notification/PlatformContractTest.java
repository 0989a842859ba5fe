package org.feedback360.notification;

import io.quarkus.test.junit.QuarkusTest;
import org.feedback360.testsupport.PlatformContract;

/** Health, metrics, OpenAPI and problem answers, as every service promises (see PlatformContract). */
@QuarkusTest
class PlatformContractTest extends PlatformContract {

    @Override
    protected String protectedPath() {
        return "/api/v1/me/inbox";
    }
}
