package io.ticketing.app;

import java.util.Map;

/** One app instance in a test, started from settings exactly as {@code main} would start it. */
final class RunningApp implements AutoCloseable {

    private final TicketingService service;

    private RunningApp(TicketingService service) {
        this.service = service;
    }

    static RunningApp start(Map<String, String> settings) {
        try {
            return new RunningApp(TicketingService.start(AppSettings.from(settings), () -> {
            }));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    TicketingService service() {
        return service;
    }

    boolean running() {
        return service.streams().state() == org.apache.kafka.streams.KafkaStreams.State.RUNNING;
    }

    @Override
    public void close() {
        service.close();
    }
}
