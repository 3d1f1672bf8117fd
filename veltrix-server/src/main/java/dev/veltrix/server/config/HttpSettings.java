package dev.veltrix.server.config;

/**
 * The web server.
 *
 * @param host          address to listen on
 * @param port          port to listen on; 0 picks a free one (tests)
 * @param maxBodyBytes  largest request body accepted; larger ones get 413
 * @param secureCookies mark session cookies Secure (set when served over HTTPS)
 */
public record HttpSettings(String host, int port, int maxBodyBytes, boolean secureCookies) {
}
