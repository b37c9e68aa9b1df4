package io.ticketing.query;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
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
 */
final class QueryRoutes {

    private static final String PDF_SUFFIX = ".pdf";

    /** The stores a forwarded key lookup may read (never the internal timer or dedupe stores). */
    private static final Set<String> KEY_STORES = Set.of(StoreNames.RESERVATIONS, StoreNames.SEATS,
            StoreNames.ORDERS, StoreNames.TICKETS, StoreNames.CUSTOMER_TICKETS);

    private final KeyLookup keys;
    private final ShowQueries shows;
    private final LocalStores stores;
    private final TicketVerifier verifier;
    private final TicketPdf pdf;
    private final Executor workers;

    QueryRoutes(KeyLookup keys, ShowQueries shows, LocalStores stores, Executor workers, TicketVerifier verifier,
                TicketPdf pdf) {
        this.keys = keys;
        this.shows = shows;
        this.stores = stores;
        this.workers = workers;
        this.verifier = verifier;
        this.pdf = pdf;
    }

    void register(RoutesConfig routes) {
        routes.get("/reservations/{reservationId}", ctx -> key(ctx, StoreNames.RESERVATIONS, "reservationId", "reservation"));
        routes.get("/orders/{orderId}", ctx -> key(ctx, StoreNames.ORDERS, "orderId", "order"));
        routes.get("/seats/{seatId}", ctx -> key(ctx, StoreNames.SEATS, "seatId", "seat"));
        routes.get("/customers/{customerId}/tickets",
                ctx -> key(ctx, StoreNames.CUSTOMER_TICKETS, "customerId", "ticket for customer"));
        routes.get("/tickets/verify/{qrCode}", ctx -> respond(ctx,
                () -> verifier.verify(PathParams.id("qrCode", ctx.pathParam("qrCode")))));
        routes.get("/tickets/{ticketId}", this::ticket);
        routes.get("/events/{eventId}/seats", ctx -> respond(ctx,
                () -> shows.seats(PathParams.id("eventId", ctx.pathParam("eventId")), seatFilter(ctx, SeatFilter.MAX_LIMIT))));
        routes.get("/events/{eventId}/summary", ctx -> respond(ctx,
                () -> shows.summary(PathParams.id("eventId", ctx.pathParam("eventId")))));
        routes.get("/shows", ctx -> respond(ctx, shows::shows));

        routes.get(KeyLookup.INTERNAL_PATH + "{store}/{key}", this::internalKey);
        routes.get(String.format(ShowQueries.INTERNAL_SEATS, "{eventId}"), ctx -> respond(ctx, () -> {
            String eventId = PathParams.id("eventId", ctx.pathParam("eventId"));
            // A page per partition is one more than a page, so the origin can tell whether more exist.
            SeatFilter filter = seatFilter(ctx, SeatFilter.MAX_LIMIT + 1);
            return CompletableFuture.supplyAsync(() -> Reply.json(200, stores.showSeats(eventId, filter)), workers);
        }));
        routes.get(ShowQueries.INTERNAL_SHOWS, ctx -> respond(ctx,
                () -> CompletableFuture.supplyAsync(() -> Reply.json(200, stores.allShowCounts()), workers)));
        routes.get(String.format(ShowQueries.INTERNAL_SUMMARY, "{eventId}"), ctx -> respond(ctx, () -> {
            String eventId = PathParams.id("eventId", ctx.pathParam("eventId"));
            return CompletableFuture.supplyAsync(() -> Reply.json(200, stores.showCounts(eventId)), workers);
        }));
    }

    private void key(Context ctx, String store, String param, String what) {
        respond(ctx, () -> {
            String id = PathParams.id(param, ctx.pathParam(param));
            Optional<WaitFor> wait = waitFor(ctx, store);
            return keys.find(store, id, wait, forwarded(ctx))
                    .thenApply(lookup -> lookup.toReply(what + " '" + id + "'"));
        });
    }

    /** {@code /tickets/{ticketId}} and {@code /tickets/{ticketId}.pdf} share a path segment. */
    private void ticket(Context ctx) {
        String ref = ctx.pathParam("ticketId");
        if (!ref.endsWith(PDF_SUFFIX)) {
            key(ctx, StoreNames.TICKETS, "ticketId", "ticket");
            return;
        }
        respond(ctx, () -> {
            String id = PathParams.id("ticketId", ref.substring(0, ref.length() - PDF_SUFFIX.length()));
            return keys.find(StoreNames.TICKETS, id, Optional.empty(), forwarded(ctx)).thenApplyAsync(lookup -> {
                if (!lookup.found()) {
                    return lookup.toReply("ticket '" + id + "'");
                }
                TicketIssued ticket = read(lookup.json(), TicketIssued.class);
                Reply reply = new Reply(200, Reply.PDF, pdf.render(ticket), lookup.toReply("ticket").headers())
                        .withHeader("Content-Disposition", "inline; filename=\"" + ticket.ticketNumber() + ".pdf\"");
                return reply;
            }, workers);
        });
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

    private static boolean forwarded(Context ctx) {
        return ctx.header(Forwarder.FORWARDED_HEADER) != null;
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

    private static <T> T read(byte[] json, Class<T> type) {
        try {
            return Json.mapper().readValue(json, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
