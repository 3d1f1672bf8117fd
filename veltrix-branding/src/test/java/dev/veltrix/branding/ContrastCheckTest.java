package dev.veltrix.branding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** WCAG 2.1 contrast: the ratios of known pairs, the failing pairs of a palette named, and fixes that pass. */
class ContrastCheckTest {

    @Test
    void ratiosMatchWcagForKnownPairs() {
        assertThat(Colour.contrast(Colour.parse("#000"), Colour.parse("#ffffff"))).isCloseTo(21.0, within(0.01));
        assertThat(Colour.contrast(Colour.parse("#777777"), Colour.parse("#ffffff"))).isCloseTo(4.48, within(0.01));
        assertThat(Colour.contrast(Colour.parse("#767676"), Colour.parse("#ffffff"))).isCloseTo(4.54, within(0.01));
        assertThat(Colour.parse("#12")).isNull();
        assertThat(Colour.parse("red")).isNull();
    }

    @Test
    void theVeltrixPalettePasses() {
        assertThat(ContrastCheck.check(Palette.VELTRIX)).isEmpty();
    }

    @Test
    void failingPairsAreNamedWithAColourThatWouldPass() {
        // Light grey text on white, a pale button: the classic unreadable storefront.
        Palette pale = new Palette("#ffffff", "#f4f4f4", "#aaaaaa", "#cccccc", "#7fb3ff", "#ffffff", "#ffd166", "#222222");
        var failures = ContrastCheck.check(pale);
        assertThat(failures).extracting(f -> f.foreground() + "/" + f.background())
                .contains("text/background", "text/surface", "primary/background", "onPrimary/primary", "muted/surface");
        for (ContrastCheck.Failure f : failures) {
            Colour fixed = Colour.parse(f.suggestion());
            Colour against = Colour.parse(pale.named().get(f.background()));
            assertThat(Colour.contrast(fixed, against)).as(f.message()).isGreaterThanOrEqualTo(f.needed());
        }
        assertThat(failures.getFirst().message()).contains("text on background is 2.32:1; it needs 4.5:1 (try text #");
    }
}
