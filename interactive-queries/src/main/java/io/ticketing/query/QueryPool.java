package io.ticketing.query;

import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionHandler;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A bounded pool of named daemon threads for the query layer's own work.
 *
 * <p>Why not the defaults: {@code CompletableFuture}'s {@code *Async} methods without an executor run
 * on {@code ForkJoinPool.commonPool()}, and on a machine with fewer than three cores (common-pool
 * parallelism 1) the JDK replaces that pool with a <em>new thread per task</em>. A profile of
 * forwarded lookups on 2 cores showed one thread started per request. Every hop the query layer
 * makes goes through one of these pools instead.
 */
final class QueryPool implements Executor, AutoCloseable {

    private final ThreadPoolExecutor executor;

    private QueryPool(ThreadPoolExecutor executor) {
        this.executor = executor;
    }

    /**
     * @param name     thread name prefix, e.g. {@code query-worker}
     * @param threads  the most threads it runs (idle ones end after a while)
     * @param queue    tasks that may wait for a thread
     * @param whenFull what happens to a task beyond that: {@link #callerRuns()} or {@link #refuse()}
     */
    static QueryPool create(String name, int threads, int queue, RejectedExecutionHandler whenFull) {
        AtomicInteger count = new AtomicInteger();
        ThreadPoolExecutor executor = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(queue), runnable -> {
                    Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                }, whenFull);
        executor.allowCoreThreadTimeOut(true);
        return new QueryPool(executor);
    }

    /**
     * Saturated: the submitting thread runs the task itself. For continuations of futures, which must
     * never be dropped (a dropped continuation is a request that never answers).
     */
    static RejectedExecutionHandler callerRuns() {
        return new ThreadPoolExecutor.CallerRunsPolicy();
    }

    /** Saturated: {@code execute} throws {@link java.util.concurrent.RejectedExecutionException}. */
    static RejectedExecutionHandler refuse() {
        return new ThreadPoolExecutor.AbortPolicy();
    }

    @Override
    public void execute(Runnable task) {
        executor.execute(task);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
