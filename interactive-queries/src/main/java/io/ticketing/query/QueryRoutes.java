package io.ticketing.query;

import io.javalin.config.RoutesConfig;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.ticketing.events.TicketIssued;
import io.ticketing.serdes.Json;
import io.ticketing.topology.StoreNames;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * The routes of CONTRACT §7 and the internal routes instances use to ask each other. Each handler
 * validates its parameters, hands off to the class that answers, and writes the {@link Reply}.
 * Handlers never block a server thread on another instance or a long-poll: they return futures.
 *
 * <p>Every route is {@link #guard guarded}: the caller is authenticated and {@link Access} decides.
 * Public routes always look a key up wherever it lives; only {@code /internal/*}, which only other
 * instances may call, answers from this instance's stores alone, so a forwarded-marker header from
 * outside changes nothing.
 */
final class QueryRoutes {

    private static final String PDF_SUFFIX = ".pdf";
    private static final String AUTHORIZATION = "Authorization";

    /** The stores a forwarded key lookup may read (never the internal timer or dedupe stores). */
    private static final Set<String> KEY_STORES = Set.of(StoreNames.RESERVATIONS, StoreNames.SEATS,
            StoreNames.ORDERS, StoreNames.TICKETS, StoreNames.CUSTOMER_TICKETS);

    private final KeyLookup keys;
    private final ShowQueries shows;
    private final LocalStores stores;
    private final TicketVerifier verifier;
    private final TicketPdf pdf;
    private final Executor workers;
    private final Authentication authentication;

    QueryRoutes(KeyLookup keys, ShowQueries shows, LocalStores stores, Executor workers, TicketVerifier verifier,
                TicketPdf pdf, Authentication authentication) {
        this.authentication = authentication;
        this.keys = keys;
        this.shows = shows;
        this.stores = stores;
        this.workers = workers;
        this.verifier = verifier;
        this.pdf = pdf;
    }

    void register(RoutesConfig routes) {
        routes.get("/reservations/{reservationId}", guard(ApiRoute.RESERVATION,
                (ctx, owner) -> key(ctx, StoreNames.RESERVATIONS, "reservationId", "reservation", owner)));
        routes.get("/orders/{orderId}", guard(ApiRoute.ORDER,
                (ctx, owner) -> key(ctx, StoreNames.ORDERS, "orderId", "order", owner)));
        routes.get("/seats/{seatId}", guard(ApiRoute.SEAT,
                (ctx, owner) -> key(ctx, StoreNames.SEATS, "seatId", "seat", owner)));
        routes.get("/customers/{customerId}/tickets", guard(ApiRoute.CUSTOMER_TICKETS,
                (ctx, owner) -> key(ctx, StoreNames.CUSTOMER_TICKETS, "customerId", "ticket for customer", owner)));
        routes.get("/tickets/verify/{qrCode}", guard(ApiRoute.TICKET_VERIFY, (ctx, owner) -> respond(ctx,
                () -> verifier.verify(PathParams.id("qrCode", ctx.pathParam("qrCode"))))));
        routes.get("/tickets/{ticketId}", guard(ApiRoute.TICKET, this::ticket));
        routes.get("/events/{eventId}/seats", guard(ApiRoute.EVENT_SEATS, (ctx, owner) -> respond(ctx,
                () -> shows.seats(PathParams.id("eventId", ctx.pathParam("eventId")), seatFilter(ctx, SeatFilter.MAX_LIMIT)))));
        routes.get("/events/{eventId}/summary", guard(ApiRoute.EVENT_SUMMARY, (ctx, owner) -> respond(ctx,
                () -> shows.summary(PathParams.id("eventId", ctx.pathParam("eventId"))))));
        routes.get("/shows", guard(ApiRoute.SHOWS, (ctx, owner) -> respond(ctx, shows::shows)));

        routes.get(KeyLookup.INTERNAL_PATH + "{store}/{key}", guard(ApiRoute.INTERNAL, (ctx, owner) -> internalKey(ctx)));
        routes.get(String.format(ShowQueries.INTERNAL_SEATS, "{eventId}"), guard(ApiRoute.INTERNAL, (ctx, owner) -> respond(ctx, () -> {
            String eventId = PathParams.id("eventId", ctx.pathParam("eventId"));
            // A page per partition is one more than a page, so the origin can tell whether more exist.
            SeatFilter filter = seatFilter(ctx, SeatFilter.MAX_LIMIT + 1);
            return CompletableFuture.supplyAsync(() -> Reply.json(200, stores.showSeats(eventId, filter)), workers);
        })));
        routes.get(ShowQueries.INTERNAL_SHOWS, guard(ApiRoute.INTERNAL, (ctx, owner) -> respond(ctx,
                () -> CompletableFuture.supplyAsync(() -> Reply.json(200, stores.allShowCounts()), workers))));
        routes.get(String.format(ShowQueries.INTERNAL_SUMMARY, "{eventId}"), guard(ApiRoute.INTERNAL, (ctx, owner) -> respond(ctx, () -> {
            String eventId = PathParams.id("eventId", ctx.pathParam("eventId"));
            return CompletableFuture.supplyAsync(() -> Reply.json(200, stores.showCounts(eventId)), workers);
        })));
    }

    /** A route's handler, told whom the answer must belong to when only its owner may read it. */
    interface Guarded {
        void handle(Context ctx, Optional<Principal> ownerOnly) throws Exception;
    }

    /**
     * Authenticates the caller and applies {@link Access} before {@code handler} runs: 401 or 403
     * as a problem, and the handler never runs.
     */
    Handler guard(ApiRoute route, Guarded handler) {
        return ctx -> {
            Optional<Principal> caller;
            try {
                caller = route == ApiRoute.HEALTH ? Optional.empty()
                        : authentication.caller(ctx.header(AUTHORIZATION));
            } catch (ReplyException e) {
                QueryServer.write(ctx, e.reply());
                return;
            }
            Optional<String> pathCustomer = route == ApiRoute.CUSTOMER_TICKETS
                    ? Optional.of(ctx.pathParam("customerId")) : Optional.empty();
            switch (Access.decide(route, pathCustomer, caller)) {
                case ALLOW -> handler.handle(ctx, Optional.empty());
                case OWNER_ONLY -> handler.handle(ctx, caller);
                case UNAUTHENTICATED -> QueryServer.write(ctx, Authentication.unauthorized("A bearer token is required."));
                case FORBIDDEN -> QueryServer.write(ctx, Authentication.forbidden());
            }
        };
    }

    /**
     * The same access check as {@link #guard} as a before-filter, for routes whose handler is not a
     * plain {@link Handler} (server-sent event streams): a refused caller gets the problem, and the
     * route's own handler never runs. Only for routes without owner-only answers.
     */
    Handler filter(ApiRoute route) {
        return ctx -> {
            boolean[] allowed = {false};
            guard(route, (c, owner) -> allowed[0] = true).handle(ctx);
            if (!allowed[0]) {
                ctx.skipRemainingHandlers();
            }
        };
    }

    private void key(Context ctx, String store, String param, String what, Optional<Principal> ownerOnly) {
        respond(ctx, () -> {
            String id = PathParams.id(param, ctx.pathParam(param));
            Optional<WaitFor> wait = waitFor(ctx, store);
            return keys.find(store, id, wait)
                    .thenApply(lookup -> ownersOnly(lookup, ownerOnly).orElseGet(() -> lookup.toReply(what + " '" + id + "'")));
        });
    }

    /** {@code /tickets/{ticketId}} and {@code /tickets/{ticketId}.pdf} share a path segment. */
    private void ticket(Context ctx, Optional<Principal> ownerOnly) {
        String ref = ctx.pathParam("ticketId");
        if (!ref.endsWith(PDF_SUFFIX)) {
            key(ctx, StoreNames.TICKETS, "ticketId", "ticket", ownerOnly);
            return;
        }
        respond(ctx, () -> {
            String id = PathParams.id("ticketId", ref.substring(0, ref.length() - PDF_SUFFIX.length()));
            return keys.find(StoreNames.TICKETS, id, Optional.empty()).thenApplyAsync(lookup -> {
                if (!lookup.found()) {
                    return lookup.toReply("ticket '" + id + "'");
                }
                Optional<Reply> refused = ownersOnly(lookup, ownerOnly);
                if (refused.isPresent()) {
                    return refused.get();
                }
                TicketIssued ticket = read(lookup.json(), TicketIssued.class);
                Reply reply = new Reply(200, Reply.PDF, pdf.render(ticket), lookup.toReply("ticket").headers())
                        .withHeader("Content-Disposition", "inline; filename=\"" + ticket.ticketNumber() + ".pdf\"");
                return reply;
            }, workers);
        });
    }

    /** 403 when the caller may only read its own views and the found one is another customer's. */
    private static Optional<Reply> ownersOnly(Lookup lookup, Optional<Principal> ownerOnly) {
        if (ownerOnly.isEmpty() || !lookup.found()) {
            return Optional.empty();
        }
        String owner = readTree(lookup.json()).path("customerId").asText(null);
        return Access.owns(ownerOnly.get(), owner) ? Optional.empty() : Optional.of(Authentication.forbidden());
    }

    private void internalKey(Context ctx) {
        respond(ctx, () -> {
            String store = ctx.pathParam("store");
            if (!KEY_STORES.contains(store)) {
                throw new ReplyException(Problem.notFound("No such store."));
            }
            String key = PathParams.id("key", ctx.pathParam("key"));
            // Internal: always answered from this instance's own stores.
            OptionalInt partition = PathParams.partition(ctx.queryParam(KeyLookup.PARTITION_PARAM));
            return keys.findHere(store, key, partition, waitFor(ctx, store))
                    .thenApply(lookup -> lookup.toReply("key '" + key + "'"));
        });
    }

    private static Optional<WaitFor> waitFor(Context ctx, String store) {
        return WaitFor.parse(store, ctx.queryParam("waitFor"), ctx.queryParam("timeout"));
    }

    private static SeatFilter seatFilter(Context ctx, int maxLimit) {
        return new SeatFilter(
                PathParams.section(ctx.queryParam("section")),
                PathParams.seatStatus(ctx.queryParam("status")),
                PathParams.cursor(ctx.queryParam("cursor")),
                PathParams.limit(ctx.queryParam("limit"), maxLimit));
    }

    /** Runs {@code work} and writes its reply when it completes; whatever goes wrong becomes a problem. */
    static void respond(Context ctx, Supplier<CompletableFuture<Reply>> work) {
        CompletableFuture<Reply> reply;
        try {
            reply = work.get();
        } catch (RuntimeException e) {
            reply = CompletableFuture.completedFuture(Errors.toReply(e));
        }
        CompletableFuture<Reply> answered = reply.exceptionally(Errors::toReply);
        ctx.future(() -> answered.thenAccept(r -> QueryServer.write(ctx, r)));
    }

    private static JsonNode readTree(byte[] json) {
        try {
            return Json.mapper().readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> T read(byte[] json, Class<T> type) {
        try {
            return Json.mapper().readValue(json, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
