package org.feedback360.support.scheduling;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Pauses every scheduled job as soon as the service begins to stop. Quarkus then closes the
 * datasource and Hibernate while the Kafka connector is still closing its consumers (seconds,
 * with their group's rebalance), and stops the scheduler only after that: meanwhile every job
 * fired against the closed store and logged an ERROR, a few dozen per restart. A job already
 * running finishes (its transaction commits or rolls back); what it left is taken by the next
 * start or by a replica, as after a crash.
 */
@ApplicationScoped
public class JobsPauseAtShutdown {

    void pause(@Observes ShutdownEvent event, Scheduler scheduler) {
        scheduler.pause();
    }
}
