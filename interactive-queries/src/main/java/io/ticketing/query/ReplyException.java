package io.ticketing.query;

/** Stops handling a request with a prepared answer (a 4xx problem, usually). */
public final class ReplyException extends RuntimeException {

    private final transient Reply reply;

    public ReplyException(Reply reply) {
        super("HTTP " + reply.status(), null, false, false);
        this.reply = reply;
    }

    public Reply reply() {
        return reply;
    }
}
