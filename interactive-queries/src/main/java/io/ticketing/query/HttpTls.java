package io.ticketing.query;

import io.javalin.config.JavalinConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * HTTPS for the query server (Jetty's TLS, keys from a key store) and for forwarding to other
 * instances (the JDK's, trusting a trust store, or the JDK's default trust when none is given).
 * With TLS on, the server has no plain-HTTP port.
 *
 * @param keyStore           PKCS12 or JKS file with this instance's key and certificate
 * @param keyStorePassword   its password (also the key's)
 * @param trustStore         the certificates that instances trust in each other; empty: the JDK's
 * @param trustStorePassword its password
 */
public record HttpTls(Path keyStore, String keyStorePassword, Optional<Path> trustStore,
                      Optional<String> trustStorePassword) {

    void serveOn(JavalinConfig config, int port) {
        config.jetty.addConnector((server, http) -> {
            SslContextFactory.Server tls = new SslContextFactory.Server();
            tls.setKeyStorePath(keyStore.toAbsolutePath().toString());
            tls.setKeyStorePassword(keyStorePassword);
            ServerConnector connector = new ServerConnector(server,
                    new SslConnectionFactory(tls, "http/1.1"), new HttpConnectionFactory(http));
            connector.setPort(port);
            return connector;
        });
    }

    /** What forwarding trusts. */
    SSLContext clientContext() {
        try {
            if (trustStore.isEmpty()) {
                return SSLContext.getDefault();
            }
            KeyStore trusted = KeyStore.getInstance(trustStore.get().toFile(),
                    trustStorePassword.orElse("").toCharArray());
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the trust store " + trustStore.get(), e);
        }
    }

    /** Fails now, naming what is wrong, rather than at the first request. */
    public void check() throws IOException, GeneralSecurityException {
        KeyStore.getInstance(keyStore.toFile(), keyStorePassword.toCharArray());
        if (trustStore.isPresent()) {
            KeyStore.getInstance(trustStore.get().toFile(), trustStorePassword.orElse("").toCharArray());
        }
    }
}
