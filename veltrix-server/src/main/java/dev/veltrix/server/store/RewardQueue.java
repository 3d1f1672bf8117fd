package dev.veltrix.server.store;

import dev.veltrix.commerce.fulfilment.Delivery;
import dev.veltrix.commerce.fulfilment.Fulfilment;
import dev.veltrix.progression.rewards.GameDeliveries;
import java.util.UUID;
import java.util.function.Supplier;
import org.jooq.DSLContext;

/**
 * Progression's commands and items go through the store's delivery queue: one path to game servers, with its retries,
 * catch-up after a restart and sending on the player's next join. The queue is supplied late because the store in
 * turn sells the battle pass's premium track, so each is built knowing the other.
 */
public final class RewardQueue implements GameDeliveries {
    private final Supplier<Fulfilment> fulfilment;

    public RewardQueue(Supplier<Fulfilment> fulfilment) {
        this.fulfilment = fulfilment;
    }

    @Override
    public void queue(DSLContext tx, String reference, UUID player, InGame what) {
        Delivery.Kind kind = what.kind() == InGame.Kind.ITEM ? Delivery.Kind.ITEM : Delivery.Kind.COMMAND;
        fulfilment.get().queue(tx, reference, player, kind, what.group(), what.text());
    }

    @Override
    public void sendPending(UUID player) {
        fulfilment.get().sendPending(player);
    }
}
