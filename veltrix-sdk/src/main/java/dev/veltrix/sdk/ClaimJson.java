package dev.veltrix.sdk;

import dev.veltrix.claims.Box;
import dev.veltrix.claims.Claim;
import dev.veltrix.claims.Flag;
import dev.veltrix.claims.Trust;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** A claim from its JSON, the same in API answers and in {@code claim.*} events. */
final class ClaimJson {
    private ClaimJson() {
    }

    @SuppressWarnings("unchecked")
    static Claim from(Map<String, Object> json) {
        Map<String, Object> box = (Map<String, Object>) json.get("box");
        Map<String, Trust> trust = new HashMap<>();
        ((Map<String, Object>) json.getOrDefault("trust", Map.of())).forEach((k, v) -> trust.put(k, Trust.valueOf((String) v)));
        Map<Flag, Boolean> flags = new EnumMap<>(Flag.class);
        ((Map<String, Object>) json.getOrDefault("flags", Map.of())).forEach((k, v) -> flags.put(Flag.valueOf(k), (Boolean) v));
        return new Claim(UUID.fromString((String) json.get("id")), (String) json.get("world"), uuid(json.get("owner")),
                new Box(i(box, "minX"), i(box, "minY"), i(box, "minZ"), i(box, "maxX"), i(box, "maxY"), i(box, "maxZ")),
                uuid(json.get("parent")), Boolean.TRUE.equals(json.get("restricted")), trust, flags);
    }

    private static int i(Map<String, Object> map, String key) {
        return ((Number) map.get(key)).intValue();
    }

    private static UUID uuid(Object text) {
        return text == null ? null : UUID.fromString((String) text);
    }
}
