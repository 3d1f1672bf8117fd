package dev.veltrix.server.auth;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** What a game server's API key may do. */
public enum Scope {
    ECONOMY_READ("economy:read"),
    ECONOMY_WRITE("economy:write"),
    PLAYERS_LOGIN("players:login"),
    CLAIMS_READ("claims:read"),
    CLAIMS_WRITE("claims:write"),
    NETWORK("network"),
    EVENTS("events"),
    STREAM("stream"),
    STORE("store"),
    STORE_ADMIN("store:admin"),
    HUNTS("hunts"),
    HUNTS_ADMIN("hunts:admin"),
    BATTLEPASS("battlepass"),
    BATTLEPASS_ADMIN("battlepass:admin"),
    QUESTS("quests"),
    QUESTS_ADMIN("quests:admin");

    private final String text;

    Scope(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }

    public static Scope parse(String text) {
        return Arrays.stream(values()).filter(s -> s.text.equals(text)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown scope " + text + "; scopes are " + list()));
    }

    public static Set<Scope> parseAll(String commaSeparated) {
        if (commaSeparated.isBlank()) {
            return EnumSet.noneOf(Scope.class);
        }
        return Arrays.stream(commaSeparated.split(",")).map(String::trim).map(Scope::parse)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Scope.class)));
    }

    public static String list() {
        return Arrays.stream(values()).map(Scope::text).collect(Collectors.joining(", "));
    }

    public static String format(Set<Scope> scopes) {
        return scopes.stream().map(Scope::text).collect(Collectors.joining(","));
    }
}
