package io.ticketing.query;

import io.javalin.http.HttpResponseException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.streams.errors.StreamsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns anything thrown while answering into a problem reply. State that is moving (a store closed
 * by a rebalance mid-read) is a 503 to retry; our own bugs are logged here and answered with a bare
 * 500: no message, class name or stack trace reaches the client.
 */
final class Errors {

    private static final Logger log = LoggerFactory.getLogger(Errors.class);

    private Errors() {
    }

    static Reply toReply(Throwable thrown) {
        Throwable t = thrown;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof ReplyException e) {
            return e.reply();
        }
        if (t instanceof ViewWaiters.TooManyWaitersException) {
            return Problem.unavailable("Too many requests are waiting on this instance; retry shortly.");
        }
        if (t instanceof StreamsException) {
            return Problem.unavailable("The state is moving between instances; retry shortly.");
        }
        if (t instanceof HttpResponseException e) {
            return fromJavalin(e.getStatus());
        }
        log.error("Unexpected failure answering a query", t);
        return Problem.internal();
    }

    /** Javalin's own refusals (unknown route, wrong method, ...), as problems with our wording. */
    static Reply fromJavalin(int status) {
        switch (status) {
            case 404:
                return Problem.of(404, "no-such-route", "Not found", "No such resource.");
            case 405:
                return Problem.of(405, "method-not-allowed", "Method not allowed", "Only GET is supported.");
            default:
                if (status >= 400 && status < 500) {
                    return Problem.of(status, "bad-request", "Bad request", "The request could not be understood.");
                }
                return Problem.of(status, "unavailable", "Service unavailable", "The request could not be answered.");
        }
    }
}
