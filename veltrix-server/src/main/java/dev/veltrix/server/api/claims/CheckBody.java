package dev.veltrix.server.api.claims;

import java.util.List;

/** A permission check: may this player (with these groups) do this action here? */
record CheckBody(String player, List<String> groups, String action, String world, Integer x, Integer y, Integer z) {
}
