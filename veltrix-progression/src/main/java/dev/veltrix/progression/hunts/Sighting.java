package dev.veltrix.progression.hunts;

import dev.veltrix.core.error.InvalidInputException;
import dev.veltrix.core.error.RejectedException;

/** Where the player was when they found a treasure: a place, or the hidden item they picked up. */
public sealed interface Sighting {

    /** Refuses the find when it does not match the treasure. */
    void check(Treasure treasure);

    record At(String world, double x, double y, double z) implements Sighting {
        public At {
            if (world == null || world.isBlank() || !Double.isFinite(x) || !Double.isFinite(y) || !Double.isFinite(z)) {
                throw InvalidInputException.of("position", "the world and finite x, y, z where the player stood");
            }
        }

        @Override
        public void check(Treasure treasure) {
            if (treasure.byItem()) {
                throw new RejectedException("needs-item", "treasure " + treasure.id() + " is found by picking up its item, not at a place");
            }
            double distance = Math.sqrt(Math.pow(x - treasure.x(), 2) + Math.pow(y - treasure.y(), 2) + Math.pow(z - treasure.z(), 2));
            if (!world.equals(treasure.world()) || distance > treasure.radius()) {
                throw new RejectedException("too-far", "treasure " + treasure.id() + " is found within " + treasure.radius() + " blocks of its place"
                        + (world.equals(treasure.world()) ? "; this find was " + Math.round(distance * 10) / 10.0 + " blocks away" : "; this find was in another world"));
            }
        }
    }

    record Holding(String item) implements Sighting {
        public Holding {
            if (item == null || item.isBlank() || item.length() > 64) {
                throw InvalidInputException.of("item", "the hidden item's id, 1..64 characters");
            }
        }

        @Override
        public void check(Treasure treasure) {
            if (!item.equals(treasure.item())) {
                throw new RejectedException("wrong-item", "treasure " + treasure.id() + " is not found with item " + item);
            }
        }
    }
}
