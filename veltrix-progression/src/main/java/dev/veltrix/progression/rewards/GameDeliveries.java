package dev.veltrix.progression.rewards;

import java.util.UUID;
import org.jooq.DSLContext;

/**
 * The network's delivery queue as progression sees it: a command or an item for a game server to hand a player,
 * queued in the transaction that grants it and sent over the stream to the server the player is on, which runs it
 * once by id and acknowledges. The server implements it over the store's queue, so every delivery to game servers
 * follows one path (retries, catch-up after a restart, the player's next join).
 */
public interface GameDeliveries {
    /**
     * Queues {@code what} for {@code player} inside {@code tx}. A {@code reference} is delivered once: queueing it again
     * changes nothing. {@code {player}} in a command becomes the name the player joined under.
     */
    void queue(DSLContext tx, String reference, UUID player, InGame what);

    /** Sends what is queued for the player now; called once the queueing transaction has committed. */
    void sendPending(UUID player);

    /**
     * A console command or an item.
     *
     * @param group the server group that delivers it ("*": whichever server the player is on)
     * @param text  the command (its placeholders other than {@code {player}} filled in), or the item id and count
     *              ({@code "hytale:gem 3"})
     */
    record InGame(Kind kind, String group, String text) {
        public enum Kind {
            COMMAND, ITEM
        }
    }
}
