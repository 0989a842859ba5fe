package org.feedback360.notification.webhook.delivery;

import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.feedback360.notification.webhook.SecretBox;
import org.feedback360.notification.webhook.SigningSecret;
import org.feedback360.notification.webhook.UrlPolicy;
import org.feedback360.notification.webhook.WebhookConfig;
import org.jboss.logging.Logger;

import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends claimed webhook deliveries asynchronously with the Vert.x HTTP client. The scheduled
 * claim never waits for a response, each attempt has one deadline from its start (host name
 * lookup included), a subscription never has more than its in-flight bound on the wire and a
 * tenant never more than its share of this instance's slots, so a slow or dead receiver holds up
 * neither other subscribers nor other tenants nor mail (which has its own worker).
 *
 * <p>Before every attempt the URL is checked again against {@link UrlPolicy} (DNS may have
 * changed since the subscription was saved) and the request goes to exactly the checked address;
 * redirects are never followed.
 */
@ApplicationScoped
public class DeliveryWorker {

    public static final String JOB = "webhook-delivery";
    private static final Logger LOG = Logger.getLogger(DeliveryWorker.class);
    private static final String CONTENT_TYPE = "application/cloudevents+json; charset=utf-8";

    @Inject
    Vertx vertx;
    @Inject
    DeliveryQueue queue;
    @Inject
    UrlPolicy policy;
    @Inject
    SecretBox secrets;
    @Inject
    WebhookConfig config;
    @Inject
    Scheduler scheduler;

    private final AtomicInteger inFlight = new AtomicInteger();
    private final Map<String, Integer> inFlightByTenant = new ConcurrentHashMap<>();
    private final AtomicBoolean claiming = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private volatile boolean backlog;
    private volatile HttpClient client;
    private ThreadPoolExecutor preparing;

    /**
     * Host name lookups (and signing) run here, never on the event loop or the shared worker pool:
     * the system resolver can block for many seconds. One thread per slot, so a tenant whose names
     * resolve slowly ties up only its own share.
     */
    @PostConstruct
    void startPreparing() {
        AtomicInteger n = new AtomicInteger();
        preparing = new ThreadPoolExecutor(config.maxInFlight(), config.maxInFlight(), 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, "webhook-prepare-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        preparing.allowCoreThreadTimeOut(true);
    }

    @Scheduled(identity = JOB, every = "${notification.webhooks.poll:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void dispatchDue() {
        claimAndDispatch();
    }

    /** Deliveries queued by a committed transaction of this instance go out now, not at the next poll. */
    void onQueued(@Observes(during = TransactionPhase.AFTER_SUCCESS) WebhookQueue.Queued queued) {
        claimSoon();
    }

    private void claimSoon() {
        vertx.executeBlocking(() -> {
            claimAndDispatch();
            return null;
        }, false).onFailure(e -> LOG.warnf("Claiming webhook deliveries failed: %s", e.getMessage()));
    }

    /**
     * One claimer in this instance at a time; a request to claim while one runs makes it claim
     * once more. While attempts are in flight or work was found, each finished attempt claims
     * again at once, so a busy subscription is sent as fast as its receiver answers, within its
     * in-flight bound. Pausing the scheduled job stops all claiming in this instance.
     */
    private void claimAndDispatch() {
        again.set(true);
        while (again.get() && !scheduler.isPaused(JOB) && claiming.compareAndSet(false, true)) {
            try {
                while (again.getAndSet(false)) {
                    int capacity = config.maxInFlight() - inFlight.get();
                    List<DeliveryQueue.Claimed> claimed = queue.claim(capacity, Map.copyOf(inFlightByTenant));
                    dispatch(claimed);
                    backlog = !claimed.isEmpty() || inFlight.get() > 0;
                }
            } finally {
                claiming.set(false);
            }
        }
    }

    /** Starts sending the claimed deliveries; each stage completes once its outcome is recorded. */
    public List<CompletionStage<DeliveryQueue.Result>> dispatch(List<DeliveryQueue.Claimed> claimed) {
        return claimed.stream().map(this::send).toList();
    }

    private CompletionStage<DeliveryQueue.Result> send(DeliveryQueue.Claimed delivery) {
        inFlight.incrementAndGet();
        inFlightByTenant.merge(delivery.tenant(), 1, Integer::sum);
        OffsetDateTime startedAt = OffsetDateTime.now();
        long started = System.nanoTime();
        long timeoutMs = config.requestTimeout().toMillis();
        CompletableFuture<SignedRequest> prepared = CompletableFuture.supplyAsync(() -> prepare(delivery), preparing);
        // One deadline for the whole attempt, the lookup included.
        Promise<Integer> status = Promise.promise();
        long deadline = vertx.setTimer(timeoutMs, id -> status.tryFail(new TimeoutException(prepared.isDone()
                ? "no response within " + timeoutMs + " ms"
                : "the host name did not resolve within " + timeoutMs + " ms")));
        prepared.whenComplete((signed, failure) -> {
            if (failure != null) {
                status.tryFail(failure instanceof CompletionException ? failure.getCause() : failure);
            } else if (!status.future().isComplete()) {
                post(signed, timeoutMs - elapsedMillis(started), status);
            }
        });
        CompletableFuture<DeliveryQueue.Result> recorded = new CompletableFuture<>();
        status.future()
                .onComplete(done -> vertx.cancelTimer(deadline))
                .map(code -> new DeliveryQueue.Outcome(code, elapsedMillis(started), null, startedAt, false))
                .otherwise(failure -> new DeliveryQueue.Outcome(null, elapsedMillis(started), describe(failure),
                        startedAt, failure instanceof UrlPolicy.Refused))
                .compose(outcome -> vertx.executeBlocking(() -> queue.record(delivery, outcome), false))
                .onComplete(result -> {
                    if (result.succeeded()) {
                        recorded.complete(result.result());
                    } else {
                        // The lease runs out and the delivery is claimed again.
                        LOG.errorf(result.cause(), "Could not record the outcome of webhook delivery %s", delivery.id());
                        recorded.completeExceptionally(result.cause());
                    }
                });
        // The slot is free once the outcome is recorded and the lookup has returned: a lookup that
        // outlives its deadline still holds a thread, and so counts against its tenant's share.
        CompletableFuture.allOf(recorded.exceptionally(e -> null), prepared.exceptionally(e -> null))
                .whenComplete((ignored, e) -> release(delivery.tenant()));
        return recorded;
    }

    private void release(String tenant) {
        inFlightByTenant.merge(tenant, -1, (a, b) -> a + b <= 0 ? null : a + b);
        inFlight.decrementAndGet();
        if (backlog) {
            claimSoon();
        }
    }

    private record SignedRequest(RequestOptions options, String body) {
    }

    /** Blocking: resolves and checks the URL, opens the secret and signs the body. */
    private SignedRequest prepare(DeliveryQueue.Claimed delivery) {
        UrlPolicy.Target target = policy.check(delivery.url());
        String messageId = delivery.eventId().toString();
        long timestamp = Instant.now().getEpochSecond();
        String signature = sign(delivery.sealedSecret(), delivery, timestamp);
        if (delivery.sealedPreviousSecret() != null) {
            // Standard Webhooks: several signatures, space-separated; any one that verifies will do.
            signature += " " + sign(delivery.sealedPreviousSecret(), delivery, timestamp);
        }
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setServer(SocketAddress.inetSocketAddress(target.port(), target.address().getHostAddress()))
                .setHost(target.host())
                .setPort(target.port())
                .setSsl(target.https())
                .setURI(pathAndQuery(target.uri()))
                .setFollowRedirects(false)
                .putHeader("content-type", CONTENT_TYPE)
                .putHeader("user-agent", "Feedback360-Webhooks/1")
                .putHeader(WebhookSignature.ID, messageId)
                .putHeader(WebhookSignature.TIMESTAMP, Long.toString(timestamp))
                .putHeader(WebhookSignature.SIGNATURE, signature);
        return new SignedRequest(options, delivery.payload());
    }

    private String sign(String sealedSecret, DeliveryQueue.Claimed delivery, long timestamp) {
        byte[] key = SigningSecret.keyOf(secrets.open(delivery.subscriptionId(), sealedSecret));
        return WebhookSignature.sign(key, delivery.eventId().toString(), timestamp, delivery.payload());
    }

    /** Sends within what is left of the attempt's time and completes {@code status} with the code; the body is never read. */
    private void post(SignedRequest signed, long remainingMs, Promise<Integer> status) {
        long timeout = Math.max(1, remainingMs);
        client().request(signed.options().setConnectTimeout(timeout).setIdleTimeout(timeout)).onComplete(opened -> {
            if (opened.failed()) {
                status.tryFail(opened.cause());
                return;
            }
            HttpClientRequest request = opened.result();
            status.future().onFailure(failure -> request.reset());
            request.send(signed.body()).onComplete(response -> {
                if (response.succeeded()) {
                    status.tryComplete(response.result().statusCode());
                    // Close rather than drain whatever body the receiver sends; that close is no error.
                    response.result().exceptionHandler(ignored -> { });
                    request.reset();
                } else {
                    status.tryFail(response.cause());
                }
            });
        });
    }

    private HttpClient client() {
        HttpClient c = client;
        if (c == null) {
            synchronized (this) {
                if (client == null) {
                    client = vertx.createHttpClient(new HttpClientOptions()
                            .setKeepAlive(false)
                            .setForceSni(true)
                            .setVerifyHost(true)
                            .setMaxPoolSize(Math.max(1, config.maxInFlight())));
                }
                c = client;
            }
        }
        return c;
    }

    private static String pathAndQuery(URI uri) {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    }

    private static long elapsedMillis(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }

    /** A description for the tenant's delivery log: what went wrong, never a class name. */
    private static String describe(Throwable failure) {
        if (failure instanceof UrlPolicy.Refused refused) {
            return "refused by the URL policy: " + refused.getMessage();
        }
        String kind = failure instanceof TimeoutException ? "timeout"
                : failure instanceof java.net.ConnectException ? "connection failed"
                : failure instanceof javax.net.ssl.SSLException ? "TLS failed"
                : "request failed";
        return failure.getMessage() == null ? kind : kind + ": " + failure.getMessage();
    }

    @PreDestroy
    void close() {
        if (client != null) {
            client.close();
        }
        preparing.shutdownNow();
    }
}
