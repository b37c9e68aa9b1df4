package io.ticketing.query;

import io.javalin.Javalin;
import io.javalin.http.HttpResponseException;
import java.util.Map;

/**
 * The HTTP port of an instance that is still starting: waiting for its broker, for input topics
 * the upstream services have not created yet, or for the embedded broker. It answers live (the
 * process is doing what it should; restarting it would not make the topics appear), not ready, and
 * 503 with {@code Retry-After} for every other route, until the {@link QueryServer} takes the port
 * over. Without it a liveness probe would find the port closed for as long as the wait lasts and
 * restart the instance in a loop.
 */
public final class StartingServer implements AutoCloseable {

    /** The streams client does not exist yet: not one of its states. */
    static final String STATE = "STARTING";

    private final Javalin app;

    private StartingServer(Javalin app) {
        this.app = app;
    }

    /** Binds {@code port} (0: any free port) or fails, so a taken port stops the start at once. */
    public static StartingServer start(int port) {
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.jetty.modifyServer(server -> server.setErrorHandler(new ProblemErrorHandler()));
            config.routes.get("/health/live", ctx -> QueryServer.write(ctx, live()));
            config.routes.get("/health/ready", ctx -> QueryServer.write(ctx, ready()));
            // Unknown routes too: Javalin answers them with its own HttpResponseException mapper unless
            // a handler names that class. Nothing but health is answered yet.
            config.routes.exception(HttpResponseException.class, (e, ctx) -> QueryServer.write(ctx, starting()));
            config.routes.exception(Exception.class, (e, ctx) -> QueryServer.write(ctx, starting()));
        }).start(port);
        return new StartingServer(app);
    }

    static Reply live() {
        return Reply.json(200, Map.of("status", "UP", "state", STATE));
    }

    static Reply ready() {
        return Reply.json(503, Map.of("status", "DOWN", "state", STATE))
                .withHeader("Retry-After", Long.toString(Problem.RETRY_AFTER_SECONDS));
    }

    static Reply starting() {
        return Problem.unavailable("This instance is starting; retry shortly.");
    }

    /** The port actually bound: hand it to the {@link QueryServer} that takes over. */
    public int port() {
        return app.port();
    }

    /** Frees the port (Jetty binds with SO_REUSEADDR, so the query server can bind it at once). */
    @Override
    public void close() {
        app.stop();
    }
}
