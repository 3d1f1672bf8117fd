package dev.veltrix.server.claims;

import java.util.List;

/**
 * When inactive owners' claims expire.
 *
 * @param afterDays        days without activity before an owner's claims expire; 0 = never
 * @param protectionBlocks owners who earned or bought at least this many blocks never expire; 0 = nobody is protected
 * @param warningDays      lead times of the warnings, in days before expiry (for example 7 and 1)
 * @param graceDays        days an expired claim stays in the archive, restorable
 * @param webhook          a URL each warning is also posted to, or null
 */
public record ExpiryPolicy(int afterDays, long protectionBlocks, List<Integer> warningDays, int graceDays, java.net.URI webhook) {
    public static final ExpiryPolicy DEFAULTS = new ExpiryPolicy(60, 0, List.of(7, 1), 30, null);

    public ExpiryPolicy {
        warningDays = List.copyOf(warningDays);
    }
}
