package dev.veltrix.network;

import java.time.Instant;
import java.util.List;

/**
 * A registered server and its last heartbeat.
 *
 * @param group       the server group, such as {@code lobby} or {@code survival}
 * @param maintenance draining: no player is routed to it
 * @param up          heard from within the heartbeat timeout
 */
public record GameServer(String name, ServerKind kind, String group, String address, int capacity, List<String> tags,
                         boolean maintenance, int players, double tps, int memoryMb, Instant lastHeartbeat, boolean up) {

    /** Whether new players may be sent here now. */
    public boolean accepting() {
        return up && !maintenance && kind == ServerKind.GAME && players < capacity;
    }

    /** Fullness from 0 to 1: what "least loaded" compares. */
    public double load() {
        return capacity == 0 ? 1 : (double) players / capacity;
    }
}
