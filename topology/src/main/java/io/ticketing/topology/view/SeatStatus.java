package io.ticketing.topology.view;

/** CONTRACT §3: a seat is free, held by one reservation, or sold to one reservation. */
public enum SeatStatus {
    AVAILABLE, HELD, SOLD
}
