package dev.veltrix.commerce.catalog;

/** A shelf of the storefront; {@code position} orders the shelves. */
public record Category(String id, String name, int position) {
}
