package io.ticketing.query;

import java.util.List;
import java.util.Set;
import org.apache.kafka.streams.state.HostInfo;

/** Who is in the application and what each one holds; backed by the streams metadata. */
public interface Cluster {

    /** This instance, as it advertises itself ({@code application.server}). */
    HostInfo self();

    KeyLocation locate(String store, String key);

    /** Every instance that hosts {@code store}, with the partitions it runs as active tasks. */
    List<Member> members(String store);

    /**
     * @param host             an instance of the application
     * @param activePartitions the partitions of its active tasks (may include partitions of tasks that
     *                         do not hold the store: a superset, used only to name what is missing)
     */
    record Member(HostInfo host, Set<Integer> activePartitions) {
        public Member {
            activePartitions = Set.copyOf(activePartitions);
        }
    }
}
