package dev.veltrix.server.http;

import dev.veltrix.core.error.FieldError;
import java.util.List;

/**
 * An RFC 9457 problem document: {@code type} names the problem, {@code detail} says what to do,
 * {@code errors} lists the fields at fault.
 */
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {
    public static final String CONTENT_TYPE = "application/problem+json";

    public static String typeUri(String slug) {
        return "urn:veltrix:problem:" + slug;
    }
}
