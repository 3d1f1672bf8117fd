package dev.veltrix.commerce.crypto;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import javax.imageio.ImageIO;

/** QR codes of payment URIs for the checkout page, as PNG images. */
public final class QrCodes {
    private static final int SIZE_MIN = 64;
    private static final int SIZE_MAX = 1_024;

    private QrCodes() {
    }

    /** A square PNG of {@code size} pixels with a quiet zone, medium error correction (survives a smudged screen). */
    public static byte[] png(String text, int size) {
        if (size < SIZE_MIN || size > SIZE_MAX) {
            throw new IllegalArgumentException("size must be " + SIZE_MIN + ".." + SIZE_MAX + " pixels, got " + size);
        }
        try {
            BitMatrix matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, size, size,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4,
                            EncodeHintType.CHARACTER_SET, "UTF-8"));
            BufferedImage image = new BufferedImage(matrix.getWidth(), matrix.getHeight(), BufferedImage.TYPE_BYTE_BINARY);
            for (int y = 0; y < matrix.getHeight(); y++) {
                for (int x = 0; x < matrix.getWidth(); x++) {
                    image.setRGB(x, y, matrix.get(x, y) ? 0x000000 : 0xFFFFFF);
                }
            }
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(image, "png", png);
            return png.toByteArray();
        } catch (WriterException | IOException e) {
            throw new IllegalStateException("could not draw a QR code of " + text.length() + " characters", e);
        }
    }
}
