package dev.veltrix.commerce.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import dev.veltrix.core.error.InvalidInputException;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** Payment URIs as wallets read them (BIP21, EIP-681), and QR codes that scan back to the same text. */
class PaymentRequestTest {
    private static final String BTC = "bc1qcr8te4kr609gcawutmrza0j4xv80jy8z306fyu";
    private static final String ETH = "0x9858EfFD232B4033E47d90003D41EC34EcaEda94";
    private static final String USDC = "0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48";

    @Test
    void bitcoinAmountsAreWrittenInBitcoinWithoutTrailingZerosAndLabelsAreEncoded() {
        assertThat(new PaymentRequest(Chain.BITCOIN, BTC, BigInteger.valueOf(12_345), null, 0, "Order 42").uri())
                .isEqualTo("bitcoin:" + BTC + "?amount=0.00012345&label=Order%2042");
        assertThat(new PaymentRequest(Chain.BITCOIN, BTC, BigInteger.valueOf(150_000_000), null, 0, null).uri())
                .isEqualTo("bitcoin:" + BTC + "?amount=1.5");
    }

    @Test
    void etherIsAskedForInWeiAndTokensThroughTheirTransferFunction() {
        assertThat(new PaymentRequest(Chain.ETHEREUM, ETH, new BigInteger("1500000000000000000"), null, 1, null).uri())
                .isEqualTo("ethereum:" + ETH + "@1?value=1500000000000000000");
        assertThat(new PaymentRequest(Chain.ETHEREUM, ETH, BigInteger.valueOf(25_500_000), USDC, 1, null).uri())
                .isEqualTo("ethereum:" + USDC + "@1/transfer?address=" + ETH + "&uint256=25500000");
    }

    @Test
    void aQrCodeScansBackToThePaymentUri() throws Exception {
        String uri = new PaymentRequest(Chain.ETHEREUM, ETH, BigInteger.valueOf(25_500_000), USDC, 1, null).uri();
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(QrCodes.png(uri, 300)));
        assertThat(image.getWidth()).isEqualTo(300);
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        var bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)));
        assertThat(new QRCodeReader().decode(bitmap).getText()).isEqualTo(uri);
    }

    @Test
    void badAmountsAndAddressesAreRefusedWithWhatToFix() {
        assertThatThrownBy(() -> new PaymentRequest(Chain.BITCOIN, BTC, BigInteger.ZERO, null, 0, null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("positive amount");
        assertThatThrownBy(() -> new PaymentRequest(Chain.BITCOIN, "1BoatSLRHtKNngkdXEeobR76b53LETtpyT", BigInteger.ONE, null, 0, null))
                .hasMessageContaining("bech32");
        String mistyped = ETH.replace("EfFD", "EffD");
        assertThatThrownBy(() -> new PaymentRequest(Chain.ETHEREUM, mistyped, BigInteger.ONE, null, 1, null))
                .hasMessageContaining("EIP-55 checksum");
        assertThatThrownBy(() -> new PaymentRequest(Chain.ETHEREUM, ETH, BigInteger.ONE, "0x12", 1, null))
                .hasMessageContaining("token");
        assertThatThrownBy(() -> QrCodes.png("x", 10)).hasMessageContaining("size");
    }
}
