package dev.veltrix.server.api;

import java.util.List;

/** Transfers to post atomically. */
public record BatchBody(List<TransferBody> transfers) {
}
