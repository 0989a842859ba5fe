package org.feedback360.support.problem;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.TimeoutException;

/**
 * Recognises a failure that means "the database cannot be reached", wherever in the cause chain
 * the JDBC driver, the pool or Hibernate put it: a restarting PostgreSQL, a network cut, an
 * exhausted pool. Such a request changed nothing and may be retried.
 */
final class StoreOutage {

    private StoreOutage() {
    }

    static boolean isCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && (unavailableState(sql.getSQLState()) || sql.getCause() instanceof TimeoutException)) {
                // The pool's acquisition timeout is a plain SQLException caused by a TimeoutException.
                return true;
            }
        }
        return false;
    }

    /**
     * SQLSTATE class 08 (connection exception), 57P01–57P03 (admin or crash shutdown, cannot
     * connect now) and 53300 (too many connections).
     */
    private static boolean unavailableState(String state) {
        return state != null && (state.startsWith("08") || state.startsWith("57P0") || state.equals("53300"));
    }
}
