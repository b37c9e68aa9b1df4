package io.ticketing.topology.internal;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * What a seat's arbiter tells the router about a reservation (repartition {@code route-notices}, key
 * reservationId). The router learns a route only from the arbiter that holds the reservation, never from
 * the decoder: so "the route is known" always means "the reservation-created was already read by its
 * seat's task", which is what lets every later command go to the seat directly (docs/design.md).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
        @JsonSubTypes.Type(value = RouteNotice.Held.class, name = "held"),
        @JsonSubTypes.Type(value = RouteNotice.Forgotten.class, name = "forgotten")})
public sealed interface RouteNotice {

    String reservationId();

    String seatId();

    /** The arbiter of {@code seatId} now keeps state for the reservation (ACTIVE or REJECTED). */
    record Held(String reservationId, String seatId) implements RouteNotice {
    }

    /** The arbiter of {@code seatId} purged the reservation at the end of its retention period. */
    record Forgotten(String reservationId, String seatId) implements RouteNotice {
    }
}
