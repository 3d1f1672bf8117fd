package dev.veltrix.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.veltrix.core.error.FieldError;
import dev.veltrix.core.error.InvalidInputException;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;

/** Reads JSON request bodies, turning every way they can be wrong into a 400 that points at the spot. */
public final class RequestBodies {
    private RequestBodies() {
    }

    public static <T> T read(Context ctx, ObjectMapper json, Class<T> type) {
        byte[] body = ctx.bodyAsBytes(); // Javalin enforces http.max-body-bytes here (413)
        if (body.length == 0) {
            throw InvalidInputException.of("body", "send a JSON object; the request body was empty");
        }
        try {
            T value = json.readValue(body, type);
            if (value == null) {
                throw InvalidInputException.of("body", "send a JSON object, not null");
            }
            return value;
        } catch (UnrecognizedPropertyException e) {
            String accepted = e.getKnownPropertyIds().stream().map(Object::toString).sorted().collect(Collectors.joining(", "));
            throw new InvalidInputException("unknown field " + e.getPropertyName(),
                    List.of(new FieldError(path(e), "unknown field; accepted fields are " + accepted)));
        } catch (MismatchedInputException e) {
            String field = path(e);
            throw new InvalidInputException("field " + field + " has the wrong type",
                    List.of(new FieldError(field, "expected " + describe(e.getTargetType()) + " at line "
                            + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr())));
        } catch (JsonMappingException e) {
            throw InvalidInputException.of(path(e), e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            throw InvalidInputException.of("body", "not valid JSON at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw InvalidInputException.of("body", "could not be read: " + e.getMessage());
        }
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            } else if (ref.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "another type";
        }
        if (type == Long.class || type == long.class || type == Integer.class || type == int.class) {
            return "a whole number";
        }
        if (type == String.class) {
            return "a string";
        }
        if (java.util.Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        return "an object";
    }
}
