package io.ticketing.bench;

import io.ticketing.topology.TopicNames;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

/**
 * The throughput baseline of {@code bench/throughput.sh}: a Kafka Streams app that copies the four
 * input topics to one output topic, bytes unchanged. Same broker, same input, same client
 * settings as the ticketing app, so the ratio between the two is the cost of our topology.
 *
 * <p>{@code java -cp ticketing-bench-tools.jar io.ticketing.bench.PassThrough BOOTSTRAP APPLICATION_ID GUARANTEE STATE_DIR}
 */
public final class PassThrough {

    public static final String OUTPUT = "bench-passthrough-out";

    private PassThrough() {
    }

    public static void main(String[] args) throws Exception {
        Usage.require(args, 4, PassThrough.class, "BOOTSTRAP APPLICATION_ID GUARANTEE STATE_DIR [THREADS]");
        TopicNames topics = TopicNames.defaults();
        BaselineApp.createOutput(args[0], OUTPUT);
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(List.of(topics.reservationCreated(), topics.reservationExpired(), topics.paymentSucceeded(),
                        topics.paymentFailed()), Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()))
                .to(OUTPUT, Produced.with(Serdes.ByteArray(), Serdes.ByteArray()));
        BaselineApp.runUntilStopped(builder.build(), BaselineApp.properties(args));
    }
}
