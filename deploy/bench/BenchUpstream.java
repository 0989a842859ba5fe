import io.vertx.core.AbstractVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerOptions;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * The benchmark's stand-in for a Feedback360 service, so the gateway can be measured without
 * the platform: a Vert.x server (the services are Vert.x underneath too) that answers
 * {@code GET /api/v1/**} with a small JSON body like {@code /api/v1/me}, {@code /q/health/ready},
 * {@code /q/openapi} and the test key as a JWKS at {@code /jwks}. Run with Java's source
 * launcher and the gateway's own Vert.x jars on the class path:
 * <pre>
 *   java -cp VERTX_AND_NETTY_JARS BenchUpstream.java PORT KEY_DIR ISSUER TOKEN_FILE [WORK_MICROS]
 * </pre>
 * It writes a token signed with the test key (valid one hour) to TOKEN_FILE. WORK_MICROS of
 * busy CPU per API request imitate a real service's own work (0 = trivial upstream).
 */
public final class BenchUpstream {

    private static final Buffer ME = Buffer.buffer("""
            {"employeeId":"E-0200","tenant":"acme","name":"Leo Leader","email":"leo.leader@acme.example",\
            "locale":"en","roles":["employee"],"manager":"E-0001","active":true}""");
    private static final Buffer READY = Buffer.buffer("{\"status\":\"UP\",\"checks\":[]}");
    private static final Buffer OPENAPI = Buffer.buffer("""
            {"openapi":"3.0.3","info":{"title":"bench","version":"1"},"paths":{"/api/v1/me":{"get":\
            {"responses":{"200":{"description":"OK"}}}}}}""");

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        Path keys = Path.of(args[1]);
        String issuer = args[2];
        Path tokenFile = Path.of(args[3]);
        long workNanos = args.length > 4 ? Long.parseLong(args[4]) * 1_000 : 0;

        RSAPublicKey publicKey = (RSAPublicKey) KeyFactory.getInstance("RSA")
                .generatePublic(new X509EncodedKeySpec(pem(keys.resolve("public-key.pem"))));
        RSAPrivateKey privateKey = (RSAPrivateKey) KeyFactory.getInstance("RSA")
                .generatePrivate(new PKCS8EncodedKeySpec(pem(keys.resolve("private-key.pem"))));
        Files.writeString(tokenFile, token(privateKey, issuer));
        Buffer jwks = Buffer.buffer("{\"keys\":[{\"kty\":\"RSA\",\"kid\":\"test-key\",\"use\":\"sig\",\"alg\":\"RS256\",\"n\":\""
                + b64(unsigned(publicKey.getModulus())) + "\",\"e\":\"" + b64(unsigned(publicKey.getPublicExponent())) + "\"}]}");

        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
        vertx.deployVerticle(() -> new AbstractVerticle() {
            @Override
            public void start(Promise<Void> started) {
                vertx.createHttpServer(new HttpServerOptions().setPort(port).setHost("127.0.0.1"))
                        .requestHandler(request -> {
                            String path = request.path();
                            Buffer body;
                            if (path.startsWith("/api/")) {
                                busy(workNanos);
                                body = ME;
                            } else if (path.equals("/q/health/ready")) {
                                body = READY;
                            } else if (path.equals("/q/openapi")) {
                                body = OPENAPI;
                            } else if (path.equals("/jwks")) {
                                body = jwks;
                            } else {
                                request.response().setStatusCode(404).end();
                                return;
                            }
                            request.response().putHeader("Content-Type", "application/json").end(body);
                        }).listen().<Void>mapEmpty().onComplete(started);
            }
        }, new DeploymentOptions().setInstances(2)).toCompletionStage().toCompletableFuture().join();
        System.out.println("bench upstream listening on 127.0.0.1:" + port);
    }

    /** Spins rather than sleeps: a service's own work costs CPU, which is what competes with the gateway. */
    private static void busy(long nanos) {
        long end = System.nanoTime() + nanos;
        while (nanos > 0 && System.nanoTime() < end) {
            Thread.onSpinWait();
        }
    }

    private static String token(RSAPrivateKey key, String issuer) throws Exception {
        long now = System.currentTimeMillis() / 1000;
        String header = b64("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"test-key\"}".getBytes(StandardCharsets.UTF_8));
        String claims = b64(("{\"iss\":\"" + issuer + "\",\"sub\":\"2f1c6a43-bench-leo\",\"aud\":\"feedback360-api\","
                + "\"azp\":\"feedback360-app\",\"iat\":" + now + ",\"exp\":" + (now + 3600) + ",\"groups\":[\"employee\"],"
                + "\"tenant\":\"acme\",\"employee_id\":\"E-0200\",\"preferred_username\":\"leo.leader@acme.example\"}")
                .getBytes(StandardCharsets.UTF_8));
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initSign(key);
        rs256.update((header + "." + claims).getBytes(StandardCharsets.US_ASCII));
        return header + "." + claims + "." + b64(rs256.sign());
    }

    private static byte[] pem(Path file) throws Exception {
        String base64 = Files.readString(file).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return Base64.getDecoder().decode(base64);
    }

    private static byte[] unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        return bytes[0] == 0 ? java.util.Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
