package io.ticketing.query;

import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Reads an answer's body whole, or gives up at a deadline and cancels the exchange.
 *
 * <p>Why: in {@code java.net.http} a request's timeout covers the wait for the response headers only.
 * An owner that sends its headers and then stalls (a process paused mid-answer, a network that drops
 * packets without a reset) would hold the forwarding thread until TCP gives up, minutes later. With
 * this handler the whole exchange ends by the deadline the caller was promised: the body subscription
 * is cancelled (the connection is closed, not reused) and the call fails with
 * {@link HttpTimeoutException}, as a late header would. The deadline is timed by
 * {@link CompletableFuture#orTimeout}: the JDK's shared delay thread, cancelled when the body arrives.
 */
final class BoundedBody implements HttpResponse.BodySubscriber<byte[]> {

    private final HttpResponse.BodySubscriber<byte[]> whole = HttpResponse.BodySubscribers.ofByteArray();
    private final CompletableFuture<byte[]> body = new CompletableFuture<>();
    private final long deadlineNanos;

    private BoundedBody(long deadlineNanos) {
        this.deadlineNanos = deadlineNanos;
    }

    /** A handler whose bodies must be whole by {@code deadlineNanos} ({@link System#nanoTime()} clock). */
    static HttpResponse.BodyHandler<byte[]> by(long deadlineNanos) {
        return responseInfo -> new BoundedBody(deadlineNanos);
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        whole.onSubscribe(subscription);
        long left = Math.max(0, deadlineNanos - System.nanoTime());
        // A dependent copy carries the timeout, so the JDK's own body future is never completed by us.
        whole.getBody().toCompletableFuture().thenApply(bytes -> bytes)
                .orTimeout(left, TimeUnit.NANOSECONDS)
                .whenComplete((bytes, failure) -> {
                    if (failure == null) {
                        body.complete(bytes);
                    } else if (failure instanceof TimeoutException) {
                        subscription.cancel();
                        body.completeExceptionally(new HttpTimeoutException(
                                "answer not whole within " + TimeUnit.NANOSECONDS.toMillis(left) + " ms of its headers"));
                    } else {
                        body.completeExceptionally(failure instanceof CompletionException && failure.getCause() != null
                                ? failure.getCause() : failure);
                    }
                });
    }

    @Override
    public void onNext(List<ByteBuffer> item) {
        whole.onNext(item);
    }

    @Override
    public void onError(Throwable throwable) {
        whole.onError(throwable);
    }

    @Override
    public void onComplete() {
        whole.onComplete();
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return body;
    }
}
