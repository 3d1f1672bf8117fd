package dev.veltrix.server.auth;

/** A console administrator. {@code mustChangePassword} is set for the generated owner password. */
public record Admin(String id, String username, String role, boolean mustChangePassword) {
    public static final String OWNER = "owner";
}
