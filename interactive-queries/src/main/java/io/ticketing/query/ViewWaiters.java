package io.ticketing.query;

import io.ticketing.topology.ViewListener;

/**
 * Long-poll waiters for reservation and order transitions on this instance. Handed to the topology
 * as its {@link ViewListener} before the streams client is built, and to the {@link QueryServer}.
 * (Stub: the interactive-queries work fills it in.)
 */
public final class ViewWaiters implements ViewListener {
}
