package dev.veltrix.progression.hunts;

/**
 * What a reported find came to: the finder's rank at this treasure (1 = first), whether that rank wins its reward,
 * whether it was a repeat of an earlier report (the first answer again), and the finishing rank when this find
 * completed the hunt for the player.
 */
public record Find(String hunt, String treasure, String player, int rank, boolean winner, boolean repeat, Integer finishedRank) {
}
