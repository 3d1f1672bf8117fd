package dev.veltrix.sdk;

import dev.veltrix.claims.Claim;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * The network's land claims. A plugin builds a {@link ClaimReplica} of its worlds at start and feeds it
 * the stream; the replica answers permission checks locally.
 * <pre>{@code
 * ClaimReplica claims = veltrix.claims().replica(List.of("survival:world"));
 * veltrix.stream(event -> { claims.accept(event); ... });
 * if (!claims.can(player, groups, Action.BUILD, "survival:world", x, y, z)) { event.setCancelled(true); }
 * }</pre>
 */
public final class Claims {
    private static final int PAGE = 1_000;

    private final HttpTransport transport;

    Claims(HttpTransport transport) {
        this.transport = transport;
    }

    /**
     * A replica of these worlds' claims, loaded page by page. Open the stream before (or right after)
     * building it: events replayed from before the snapshot change nothing that the stream will not
     * set right again.
     */
    @SuppressWarnings("unchecked")
    public ClaimReplica replica(Collection<String> worlds) {
        List<Claim> claims = new ArrayList<>();
        for (String world : worlds) {
            String after = null;
            while (true) {
                Map<String, Object> page = transport.get("/api/v1/claims?world=" + world + "&limit=" + PAGE
                        + (after == null ? "" : "&after=" + after));
                List<Object> items = (List<Object>) page.get("items");
                items.forEach(item -> claims.add(ClaimJson.from((Map<String, Object>) item)));
                if (items.size() < PAGE) {
                    break;
                }
                after = (String) page.get("next");
            }
        }
        return new ClaimReplica(new HashSet<>(worlds), dev.veltrix.claims.ClaimIndex.of(claims));
    }
}
