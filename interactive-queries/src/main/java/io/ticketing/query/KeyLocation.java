package io.ticketing.query;

import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Where one key lives right now, as the streams metadata says.
 *
 * @param partition the store partition holding the key; {@link #UNKNOWN_PARTITION} while the metadata
 *                  is not available (starting, rebalancing)
 * @param active    the instance with the active task, if one is assigned
 * @param standbys  instances keeping a standby replica
 */
public record KeyLocation(int partition, Optional<HostInfo> active, List<HostInfo> standbys) {

    public static final int UNKNOWN_PARTITION = -1;

    public KeyLocation {
        standbys = List.copyOf(standbys);
    }

    public static KeyLocation unknown() {
        return new KeyLocation(UNKNOWN_PARTITION, Optional.empty(), List.of());
    }

    public static KeyLocation of(int partition, HostInfo active, HostInfo... standbys) {
        return new KeyLocation(partition, Optional.of(active), List.of(standbys));
    }

    public boolean known() {
        return partition != UNKNOWN_PARTITION && active.isPresent();
    }
}
