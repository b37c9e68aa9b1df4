package io.ticketing.query;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.streams.state.HostInfo;

/** Asks another instance. */
public interface Forwarder {

    /**
     * Marks a request as forwarded, for the receiver's logs. It grants nothing: only {@code /internal/*}
     * answers from one instance's stores alone, and only to the instances' shared credential.
     */
    String FORWARDED_HEADER = "X-Ticketing-Forwarded";

    /**
     * GETs {@code pathAndQuery} from {@code host}, marked as forwarded. Completes with the answer, or
     * exceptionally when the host cannot be reached or does not answer within {@code timeout}.
     *
     * <p>A call may block its caller for up to {@code timeout} (a key lookup does: one hand-off less
     * per forward); a caller that fans out to several instances makes each call on its own executor.
     */
    CompletableFuture<Reply> get(HostInfo host, String pathAndQuery, Duration timeout);
}
