import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates the platform's topics on the local broker if they are missing, in one JVM.
 * (kafka-topics would need one JVM per topic: ~2.5 s each on this machine kind.)
 *
 * Usage: EnsureTopics <bootstrap> <timeoutSeconds> <name:partitions>...
 * Waits until the broker answers metadata requests (that is the readiness check),
 * then creates each missing topic with replication factor 1. Existing topics are
 * left untouched. Prints "created=<n>" on success; exits 1 on failure.
 */
public final class EnsureTopics {

    private EnsureTopics() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: EnsureTopics <bootstrap> <timeoutSeconds> <name:partitions>...");
            System.exit(2);
        }
        Instant deadline = Instant.now().plusSeconds(Long.parseLong(args[1]));
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000");
        props.put(AdminClientConfig.RETRY_BACKOFF_MS_CONFIG, "200");

        try (Admin admin = Admin.create(props)) {
            Set<String> existing = listUntil(admin, deadline);
            List<NewTopic> missing = new ArrayList<>();
            for (int i = 2; i < args.length; i++) {
                String[] spec = args[i].split(":", 2);
                if (!existing.contains(spec[0])) {
                    missing.add(new NewTopic(spec[0], Integer.parseInt(spec[1]), (short) 1));
                }
            }
            int created = 0;
            for (Map.Entry<String, org.apache.kafka.common.KafkaFuture<Void>> result
                    : admin.createTopics(missing).values().entrySet()) {
                try {
                    result.getValue().get();
                    created++;
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("could not create topic " + result.getKey(), e.getCause());
                    }
                }
            }
            System.out.println("created=" + created);
        }
    }

    /** Lists topics, retrying until the broker is serving or the deadline passes. */
    private static Set<String> listUntil(Admin admin, Instant deadline) throws InterruptedException {
        while (true) {
            try {
                return admin.listTopics().names().get();
            } catch (ExecutionException e) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("broker not answering: " + e.getCause(), e.getCause());
                }
                Thread.sleep(300);
            }
        }
    }
}
