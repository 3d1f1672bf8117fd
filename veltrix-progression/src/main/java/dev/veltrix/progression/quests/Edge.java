package dev.veltrix.progression.quests;

/** A directed edge of the content graph: {@code from} {@code type} {@code to}, such as wolf-hunt requires intro. */
public record Edge(String from, EdgeType type, String to) {
}
