package dev.veltrix.branding;

import dev.veltrix.core.error.InvalidInputException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Checks an uploaded logo or favicon: a PNG of sensible size, or an SVG (sanitised); anything else is refused with why. */
public final class Images {
    public static final int BYTES_MAX = 512 * 1024;
    public static final int PIXELS_MAX = 2_048;
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private Images() {
    }

    /** What an upload became, and what (for an SVG) was removed from it. */
    public record Checked(Asset asset, List<String> removed) {
    }

    public static Checked check(String field, byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw InvalidInputException.of(field, "an image file, PNG or SVG");
        }
        if (bytes.length > BYTES_MAX) {
            throw InvalidInputException.of(field, "at most " + BYTES_MAX / 1024 + " KiB, got " + bytes.length / 1024 + " KiB");
        }
        if (startsWith(bytes, PNG_MAGIC)) {
            try {
                var image = javax.imageio.ImageIO.read(new ByteArrayInputStream(bytes));
                if (image == null) {
                    throw InvalidInputException.of(field, "a PNG that could not be read; save it again from an image editor");
                }
                if (image.getWidth() > PIXELS_MAX || image.getHeight() > PIXELS_MAX) {
                    throw InvalidInputException.of(field, "at most " + PIXELS_MAX + " × " + PIXELS_MAX + " pixels, got " + image.getWidth()
                            + " × " + image.getHeight());
                }
            } catch (IOException e) {
                throw InvalidInputException.of(field, "a PNG that could not be read: " + e.getMessage());
            }
            return new Checked(new Asset(Asset.PNG, bytes), List.of());
        }
        String head = new String(bytes, 0, Math.min(bytes.length, 512), StandardCharsets.UTF_8).stripLeading();
        if (head.startsWith("<")) {
            try {
                SvgSanitizer.Result safe = SvgSanitizer.sanitize(bytes);
                return new Checked(new Asset(Asset.SVG, safe.svg().getBytes(StandardCharsets.UTF_8)), safe.removed());
            } catch (IllegalArgumentException e) {
                throw InvalidInputException.of(field, e.getMessage());
            }
        }
        throw InvalidInputException.of(field, "a PNG or SVG image; this file is neither");
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
