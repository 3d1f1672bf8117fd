package dev.veltrix.network;

import java.time.Duration;
import java.util.Map;

/**
 * @param heartbeatTimeout a server not heard from for this long is down and its players are taken offline
 * @param stickyWindow     a player returning within this long goes back to the server they left, if it can take them
 * @param forcedHosts      host names players connect with -> the group they go to
 * @param defaultGroup     where a player goes when neither the request nor a forced host names a group
 * @param chat             the chat's rate limit, history and word filter
 */
public record NetworkSettings(Duration heartbeatTimeout, Duration stickyWindow, Map<String, String> forcedHosts,
                              String defaultGroup, dev.veltrix.network.chat.ChatSettings chat) {
    public static final NetworkSettings DEFAULTS = new NetworkSettings(Duration.ofSeconds(15), Duration.ofMinutes(5),
            Map.of(), "lobby", dev.veltrix.network.chat.ChatSettings.DEFAULTS);

    public NetworkSettings {
        forcedHosts = Map.copyOf(forcedHosts);
    }
}
