package io.ticketing.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ticketing.topology.StoreNames;
import io.ticketing.topology.view.OrderStatus;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HTTPS with a self-signed certificate made by the JDK's keytool for this test: the server answers
 * only over TLS, a client that trusts the certificate gets its answer, and instances forward to each
 * other over TLS.
 */
class TlsTest {

    private static final String PASSWORD = "changeit-test";

    @TempDir
    Path dir;

    @Test
    void servesHttpsAndForwardsOverHttps() throws Exception {
        HttpTls tls = selfSigned();
        try (TestInstance a = new TestInstance(tls); TestInstance b = new TestInstance(tls)) {
            b.stores.put(StoreNames.ORDERS, "ord-1", Views.order("ord-1", OrderStatus.CONFIRMED));
            KeyLocation location = KeyLocation.of(0, b.host());
            a.cluster.locations.put(StoreNames.ORDERS, location);
            b.cluster.locations.put(StoreNames.ORDERS, location);

            HttpClient trusting = HttpClient.newBuilder().sslContext(tls.clientContext()).build();
            HttpResponse<String> answer = trusting.send(HttpRequest.newBuilder(
                    URI.create("https://localhost:" + a.server.port() + "/orders/ord-1")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.body()).contains("ord-1");
            assertThat(a.forwarded).hasSize(1);

            // No plain HTTP on that port, and a client that does not trust the certificate gets nothing.
            HttpClient plain = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            HttpRequest overHttp = HttpRequest.newBuilder(URI.create("http://localhost:" + a.server.port()
                    + "/orders/ord-1")).timeout(Duration.ofSeconds(5)).build();
            assertThat(statusOrFailure(plain, overHttp)).isNotEqualTo(200);
            assertThatThrownBy(() -> plain.send(HttpRequest.newBuilder(URI.create("https://localhost:"
                    + a.server.port() + "/orders/ord-1")).build(), HttpResponse.BodyHandlers.ofString()))
                    .isInstanceOf(javax.net.ssl.SSLHandshakeException.class);
        }
    }

    private static int statusOrFailure(HttpClient client, HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception refused) {
            return -1;
        }
    }

    private HttpTls selfSigned() throws Exception {
        Path keyStore = dir.resolve("instance.p12");
        Path cert = dir.resolve("instance.crt");
        Path trustStore = dir.resolve("trust.p12");
        keytool("-genkeypair", "-alias", "instance", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2",
                "-keystore", keyStore.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD);
        keytool("-exportcert", "-alias", "instance", "-keystore", keyStore.toString(), "-storepass", PASSWORD,
                "-file", cert.toString());
        keytool("-importcert", "-noprompt", "-alias", "instance", "-file", cert.toString(),
                "-keystore", trustStore.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD);
        return new HttpTls(keyStore, PASSWORD, Optional.of(trustStore), Optional.of(PASSWORD));
    }

    private static void keytool(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
    }
}
