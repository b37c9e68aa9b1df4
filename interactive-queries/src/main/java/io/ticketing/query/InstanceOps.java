package io.ticketing.query;

import java.util.List;
import java.util.Map;

/** What the ops view shows of one instance, read from its own streams client. */
public interface InstanceOps {

    Snapshot snapshot();

    /**
     * @param state             the streams client's state
     * @param activePartitions  partitions of this instance's active tasks, by sub-topology ("0_2")
     * @param standbyPartitions the same for its standby tasks
     * @param recordsInPerSec   records fetched per second by the main consumer (inputs and repartition topics)
     * @param recordsOutPerSec  records sent per second by the instance's producers
     * @param consumerLag       records not yet fetched, summed over the main consumer's partitions
     * @param deadLettered      input records sent to the dead-letter topic since this instance started, by topic
     */
    record Snapshot(String instance, String state, List<String> activePartitions, List<String> standbyPartitions,
                    double recordsInPerSec, double recordsOutPerSec, long consumerLag,
                    Map<String, Long> deadLettered) {
    }
}
