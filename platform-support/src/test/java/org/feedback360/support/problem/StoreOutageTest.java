package org.feedback360.support.problem;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StoreOutageTest {

    @Test
    void aConnectionFailureDeepInTheCauseChainIsAnOutage() {
        SQLException refused = new SQLException("Connection to 127.0.0.1:5432 refused", "08001");
        RuntimeException hibernate = new RuntimeException("Unable to acquire JDBC Connection", refused);
        assertTrue(StoreOutage.isCause(new IllegalStateException("transaction failed", hibernate)));
    }

    @Test
    void aServerShuttingDownIsAnOutage() {
        assertTrue(StoreOutage.isCause(new SQLException("terminating connection due to administrator command", "57P01")));
        assertTrue(StoreOutage.isCause(new SQLException("the database system is starting up", "57P03")));
    }

    @Test
    void anExhaustedPoolIsAnOutage() {
        assertTrue(StoreOutage.isCause(new SQLException("Acquisition timeout while waiting for new connection",
                new TimeoutException())));
        assertTrue(StoreOutage.isCause(new SQLTransientConnectionException("pool closed")));
    }

    @Test
    void aConstraintViolationOrABugIsNot() {
        assertFalse(StoreOutage.isCause(new SQLException("duplicate key value violates unique constraint", "23505")));
        assertFalse(StoreOutage.isCause(new NullPointerException()));
    }
}
