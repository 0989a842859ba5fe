package org.feedback360.scoring;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import jakarta.inject.Inject;
import org.feedback360.scoring.rebuild.Rebuild;
import org.feedback360.scoring.rebuild.RebuildSummary;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Map;

/**
 * The service, or an operator command run with the same jar and configuration:
 * <pre>
 *   java -jar quarkus-run.jar                                   # the service
 *   java -jar quarkus-run.jar rebuild --from=store [--tenant=T] # recompute from the stored ratings
 *   java -jar quarkus-run.jar rebuild --from=topic [--tenant=T] # recompute from a replay of the topics
 * </pre>
 * A rebuild is an operator's action, not a tenant's, so it is not part of the HTTP API. The command
 * runs beside the service (no HTTP listener, no consumers, no relay: the service relays what the
 * rebuild records) and prints its summary as JSON.
 */
@QuarkusMain
public class ScoringMain implements QuarkusApplication {

    static final String USAGE = "usage: rebuild --from=store|topic [--tenant=<tenant>]";

    /** A command runs beside the service: no HTTP listener, no consumers, no relay. */
    public static final Map<String, String> COMMAND_SETTINGS = Map.of(
            "quarkus.http.host-enabled", "false",
            "mp.messaging.incoming.cycles.enabled", "false",
            "mp.messaging.incoming.responses.enabled", "false",
            "outbox.interval", "off");

    @Inject
    Rebuild rebuild;
    @Inject
    ObjectMapper json;

    public static void main(String... args) {
        if (args.length > 0) {
            COMMAND_SETTINGS.forEach(System::setProperty);
        }
        Quarkus.run(ScoringMain.class, args);
    }

    @Override
    public int run(String... args) throws Exception {
        if (args.length == 0) {
            Quarkus.waitForExit();
            return 0;
        }
        return command(args, System.out, System.err);
    }

    int command(String[] args, PrintStream out, PrintStream err) throws Exception {
        if (!args[0].equals("rebuild")) {
            err.println(USAGE);
            return 2;
        }
        String from = option(args, "--from");
        String tenant = option(args, "--tenant");
        if (from == null || Arrays.stream(args).skip(1).anyMatch(a -> !a.startsWith("--from=") && !a.startsWith("--tenant="))) {
            err.println(USAGE);
            return 2;
        }
        RebuildSummary summary = switch (from) {
            case "store" -> rebuild.fromStore(tenant);
            case "topic" -> rebuild.fromTopic(tenant);
            default -> null;
        };
        if (summary == null) {
            err.println(USAGE);
            return 2;
        }
        out.println(json.writerWithDefaultPrettyPrinter().writeValueAsString(summary));
        return 0;
    }

    private static String option(String[] args, String name) {
        return Arrays.stream(args).filter(a -> a.startsWith(name + "=")).map(a -> a.substring(name.length() + 1))
                .filter(v -> !v.isBlank()).findFirst().orElse(null);
    }
}
