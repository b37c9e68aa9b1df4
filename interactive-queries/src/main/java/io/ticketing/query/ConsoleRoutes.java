package io.ticketing.query;

import io.javalin.config.JavalinConfig;
import io.javalin.http.staticfiles.Location;

/**
 * What the web console needs beyond the query routes: its static files ({@code /console} on the
 * classpath, from the {@code ticketing-console} module) at {@code /}, the live seat feed, and the
 * ops view's per-instance figures.
 */
final class ConsoleRoutes {

    static final String OPS_PATH = "/ops/instances";

    private final LiveSeats live;
    private final OpsQueries ops;

    ConsoleRoutes(LiveSeats live, OpsQueries ops) {
        this.live = live;
        this.ops = ops;
    }

    void register(JavalinConfig config, QueryRoutes access) {
        config.staticFiles.add(files -> {
            files.hostedPath = "/";
            files.directory = "/console";
            files.location = Location.CLASSPATH;
            // Small files that change with each release: always revalidated, never stale after an upgrade.
            files.headers = java.util.Map.of("Cache-Control", "no-cache");
        });
        live.register(config, access);
        config.routes.get(OPS_PATH, access.guard(ApiRoute.OPS_VIEW, (ctx, owner) -> QueryRoutes.respond(ctx, ops::instances)));
        config.routes.get(OpsQueries.INTERNAL_PATH, access.guard(ApiRoute.INTERNAL,
                (ctx, owner) -> QueryRoutes.respond(ctx, ops::here)));
    }
}
