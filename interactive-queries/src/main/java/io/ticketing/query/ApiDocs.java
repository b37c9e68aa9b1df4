package io.ticketing.query;

import io.javalin.config.JavalinConfig;
import io.ticketing.topology.TopicNames;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;

/**
 * The API described: {@code /openapi.json} (the HTTP routes, kept in step with them by a test),
 * {@code /asyncapi.json} (the topics, from the event records) and {@code /docs} (Swagger UI, from its
 * webjar, served from the jar like everything else: nothing is fetched at run time).
 */
final class ApiDocs {

    static final String OPENAPI_RESOURCE = "/api/openapi.json";
    private static final String SWAGGER_POM = "/META-INF/maven/org.webjars/swagger-ui/pom.properties";

    private final byte[] openApi;
    private final byte[] asyncApi;
    private final byte[] page;

    ApiDocs(TopicNames topics) {
        this.openApi = resource(OPENAPI_RESOURCE);
        this.asyncApi = Reply.toJson(AsyncApiDocument.of(topics));
        this.page = swaggerPage(swaggerVersion()).getBytes(StandardCharsets.UTF_8);
    }

    void register(JavalinConfig config) {
        config.staticFiles.enableWebjars();
        config.routes.get("/openapi.json", ctx -> QueryServer.write(ctx, new Reply(200, Reply.JSON, openApi, Map.of())));
        config.routes.get("/asyncapi.json", ctx -> QueryServer.write(ctx, new Reply(200, Reply.JSON, asyncApi, Map.of())));
        config.routes.get("/docs", ctx -> QueryServer.write(ctx, new Reply(200, "text/html; charset=utf-8", page, Map.of())));
    }

    /** The webjar's version, so the page names its files without a version written twice. */
    private static String swaggerVersion() {
        Properties pom = new Properties();
        try (InputStream in = ApiDocs.class.getResourceAsStream(SWAGGER_POM)) {
            if (in == null) {
                throw new IllegalStateException("the swagger-ui webjar is not on the classpath");
            }
            pom.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pom.getProperty("version");
    }

    private static String swaggerPage(String version) {
        String base = "/webjars/swagger-ui/" + version + "/";
        return """
                <!doctype html>
                <html lang="en">
                <head>
                  <meta charset="utf-8">
                  <title>Ticketing API</title>
                  <link rel="icon" href="data:,">
                  <link rel="stylesheet" href="%1$sswagger-ui.css">
                </head>
                <body>
                <div id="swagger-ui"></div>
                <script src="%1$sswagger-ui-bundle.js"></script>
                <script src="/docs.js"></script>
                </body>
                </html>
                """.formatted(base);
    }

    private static byte[] resource(String name) {
        try (InputStream in = ApiDocs.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
