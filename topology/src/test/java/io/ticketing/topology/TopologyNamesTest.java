package io.ticketing.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TopologyDescription;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.errors.LogAndContinueProcessingExceptionHandler;
import org.junit.jupiter.api.Test;

/** Names are part of the deployed state: nothing may be left to generated names. */
class TopologyNamesTest {

    private final TopologyDescription description = TicketingTopology.build(TopologyHarness.defaultConfig()).describe();

    @Test
    void noGeneratedNames() {
        String text = description.toString();
        assertThat(text).doesNotContain("KSTREAM-").doesNotContain("KTABLE-");
    }

    @Test
    void namedRepartitionTopicsProcessorsAndStores() {
        String text = description.toString();
        assertThat(text).contains("reservation-commands-repartition", "seat-commands-repartition",
                "order-updates-repartition", "pending-order-updates-repartition",
                "Processor: reservation-router", "Processor: seat-arbiter", "Processor: order-folder",
                "Source: source-inputs", "Processor: decode",
                "Source: source-ticketing-route-notices", "Source: route-index-source "
                        + "(topics: [ticketing-reservation-routes-changelog])",
                "Source: source-ticketing-reservation-views", "Processor: write-reservation-views");
        for (String store : new String[] {StoreNames.RESERVATIONS, StoreNames.SEATS, StoreNames.SHOW_SEATS,
                StoreNames.SHOW_SUMMARY, StoreNames.ORDERS, StoreNames.TICKETS, StoreNames.CUSTOMER_TICKETS,
                StoreNames.RESERVATION_ROUTES, StoreNames.PENDING_COMMANDS, StoreNames.SEAT_RESERVATIONS,
                StoreNames.ROUTER_TIMERS, StoreNames.SEAT_TIMERS, StoreNames.ROUTE_INDEX}) {
            assertThat(text).contains(store);
        }
        // inputs+decode+router, arbiter, order folder, and one per view topic read into its store
        assertThat(description.subtopologies()).hasSize(6);
        assertThat(description.globalStores()).hasSize(1);
    }

    @Test
    void topicNamesComeFromConfig() {
        TopicNames custom = new TopicNames("rc", "rx", "ps", "pf", "ti", "rr", "dlt", "rv", "tv", "ct", "rn", "routes", "si");
        String text = TicketingTopology.build(TopologyHarness.defaultConfig().withTopics(custom)).describe().toString();
        assertThat(text).contains("Source: source-inputs (topics: [", "rc", "rx", "ps", "pf", "topics: [rn]", "topics: [routes]",
                "topic: ti", "topic: rr", "topic: dlt");
        assertThat(text).doesNotContain("reservation-created", "payment-succeeded", "ticketing-dlt");
    }

    @Test
    void streamsPropertiesAreExactlyOnceWithTheDeadLetterQueue() {
        Properties props = TicketingTopology.streamsProperties(TicketingConfig.defaults("s"));
        assertThat(props.get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG)).isEqualTo(StreamsConfig.EXACTLY_ONCE_V2);
        assertThat(props.get(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG)).isEqualTo("ticketing-dlt");
        assertThat(props.get(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG))
                .isEqualTo(LogAndContinueProcessingExceptionHandler.class.getName());
        assertThat(props.get(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG))
                .isEqualTo(LogAndContinueExceptionHandler.class.getName());
    }
}
