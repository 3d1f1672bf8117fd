package dev.veltrix.server.config;

/** A setting is unknown or invalid; start-up stops with this message, which names the key and what it accepts. */
public final class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }
}
