package dev.veltrix.server.simulate;

import java.util.List;

/**
 * One thing an agent will do today, decided up front from the seeded random source. An intent
 * names what it touches (players, a shop item, the exchange) so that intents touching nothing in
 * common can run at the same time without changing any outcome.
 */
sealed interface Intent {
    /** Players, items and "exchange" this intent reads or changes. */
    List<String> resources();

    /** The player whose intents must keep their order. */
    int player();

    record Quest(int player, long reward) implements Intent {
        public List<String> resources() {
            return List.of("p" + player);
        }
    }

    record Shop(int player, String item, boolean buy, long quantity) implements Intent {
        public List<String> resources() {
            return List.of("p" + player, "i" + item);
        }
    }

    record Gift(int player, int friend, long amount) implements Intent {
        public List<String> resources() {
            return List.of("p" + player, "p" + friend);
        }
    }

    record Order(int player, boolean buy, long price, long quantity) implements Intent {
        public List<String> resources() {
            return List.of("p" + player, "exchange");
        }
    }

    /** Buy and sell straight back, as one step: the loop exploiters try on every shop. */
    record Exploit(int player, String item, long quantity) implements Intent {
        public List<String> resources() {
            return List.of("p" + player, "i" + item);
        }
    }
}
