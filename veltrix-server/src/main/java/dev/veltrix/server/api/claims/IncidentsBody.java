package dev.veltrix.server.api.claims;

import java.util.List;

/** A batch of denied actions a game server reports; each has the fields of a check. */
record IncidentsBody(List<CheckBody> incidents) {
}
