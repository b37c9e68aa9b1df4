package io.ticketing.bench;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;

/**
 * {@code TopicVolumes BOOTSTRAP PREFIX INPUT_RECORDS}: how many records (offsets, commit markers
 * included) each topic whose name starts with PREFIX holds, and that per input record. It shows
 * the write amplification of an application id: repartition and changelog records written for each
 * upstream record, which is what the broker has to carry besides the pass-through's one.
 */
public final class TopicVolumes {

    private TopicVolumes() {
    }

    public static void main(String[] args) throws Exception {
        Usage.require(args, 3, TopicVolumes.class, "BOOTSTRAP PREFIX INPUT_RECORDS");
        String prefix = args[1];
        double inputs = Double.parseDouble(args[2]);
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", args[0]))) {
            var names = admin.listTopics().names().get().stream().filter(t -> t.startsWith(prefix))
                    .collect(Collectors.toSet());
            Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
            admin.describeTopics(names).allTopicNames().get().forEach((topic, description) -> {
                for (TopicPartitionInfo p : description.partitions()) {
                    latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest());
                }
            });
            Map<String, Long> perTopic = new TreeMap<>();
            admin.listOffsets(latest).all().get().forEach((tp, info) ->
                    perTopic.merge(tp.topic().substring(prefix.length()), info.offset(), Long::sum));
            long total = 0;
            for (Map.Entry<String, Long> e : perTopic.entrySet()) {
                System.out.printf("%-40s %10d  %6.2f per input record%n", e.getKey(), e.getValue(), e.getValue() / inputs);
                total += e.getValue();
            }
            System.out.printf("%-40s %10d  %6.2f per input record%n", "TOTAL", total, total / inputs);
        }
    }
}
