package org.feedback360.support.transaction;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/** Work that may happen only once the current JTA transaction's writes are durable. */
public final class AfterCommit {

    private AfterCommit() {
    }

    /** Runs the action after the current transaction commits, on the committing thread; never if it rolls back. */
    public static void run(TransactionSynchronizationRegistry transaction, Runnable action) {
        transaction.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    action.run();
                }
            }
        });
    }
}
