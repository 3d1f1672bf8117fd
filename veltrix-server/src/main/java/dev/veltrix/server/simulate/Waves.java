package dev.veltrix.server.simulate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Packs a day's intents into waves: within a wave no two intents share a resource, and a player's
 * intents keep their order across waves. Running a wave's intents concurrently therefore gives the
 * same result as running them one by one, which keeps a seeded simulation reproducible while the
 * ledger commits each wave as a group.
 */
final class Waves {
    private Waves() {
    }

    static List<List<Intent>> pack(List<Intent> intents) {
        List<List<Intent>> waves = new ArrayList<>();
        List<Set<String>> used = new ArrayList<>();
        Map<String, Integer> lastWaveOf = new HashMap<>();
        for (Intent intent : intents) {
            // After every wave that touched one of its resources, so conflicting intents keep their order.
            int wave = 0;
            for (String resource : intent.resources()) {
                wave = Math.max(wave, lastWaveOf.getOrDefault(resource, -1) + 1);
            }
            while (wave < waves.size() && intent.resources().stream().anyMatch(used.get(0 + wave)::contains)) {
                wave++;
            }
            if (wave == waves.size()) {
                waves.add(new ArrayList<>());
                used.add(new HashSet<>());
            }
            waves.get(wave).add(intent);
            used.get(wave).addAll(intent.resources());
            for (String resource : intent.resources()) {
                lastWaveOf.put(resource, wave);
            }
        }
        return waves;
    }
}
