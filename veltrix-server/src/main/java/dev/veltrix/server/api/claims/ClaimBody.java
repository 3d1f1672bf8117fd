package dev.veltrix.server.api.claims;

/**
 * A claim as sent to {@code POST /claims}: two opposite corners (any order); {@code y1}/{@code y2}
 * omitted spans the world's full height. No owner makes an admin claim; a parent makes a subdivision.
 */
record ClaimBody(String world, String owner, Integer x1, Integer y1, Integer z1, Integer x2, Integer y2, Integer z2,
                 String parent, Boolean restricted) {
}
