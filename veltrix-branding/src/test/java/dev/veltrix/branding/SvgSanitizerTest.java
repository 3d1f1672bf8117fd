package dev.veltrix.branding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.veltrix.core.error.InvalidInputException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A hostile SVG loses every script, handler and outside reference; a DOCTYPE, or a file that is no image, is refused. */
class SvgSanitizerTest {
    static final String HOSTILE = """
            <svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10" onload="alert(1)">
              <script>alert('logo')</script>
              <style>@import url(https://evil.example/x.css);</style>
              <foreignObject><iframe xmlns="http://www.w3.org/1999/xhtml" src="https://evil.example"/></foreignObject>
              <a xlink:href="javascript:alert(2)"><rect width="5" height="5"/></a>
              <image href="https://evil.example/track.png" width="1" height="1"/>
              <use xlink:href="https://evil.example/sprite.svg#x"/>
              <use href="#dot"/>
              <circle id="dot" cx="5" cy="5" r="4" fill="url(#g)" onclick="steal()" style="fill:url(https://evil.example/f)"/>
              <linearGradient id="g"><stop offset="0" stop-color="#4f8cff"/></linearGradient>
              <animate attributeName="href" to="javascript:alert(3)"/>
            </svg>
            """;

    @Test
    void aHostileSvgKeepsItsDrawingAndLosesEverythingElse() {
        SvgSanitizer.Result result = SvgSanitizer.sanitize(HOSTILE.getBytes(StandardCharsets.UTF_8));
        String svg = result.svg().toLowerCase();
        assertThat(svg).doesNotContain("script", "onload", "onclick", "javascript", "evil.example", "foreignobject", "iframe", "@import",
                "<style", "<image", "<animate");
        assertThat(svg).contains("<circle", "fill=\"url(#g)\"", "href=\"#dot\"", "<lineargradient");
        assertThat(result.removed()).contains("element <script>", "element <style>", "element <foreignObject>", "element <a>",
                "attribute onload of <svg>", "attribute onclick of <circle>", "attribute style of <circle>");
    }

    @Test
    void aDoctypeOrAFileThatIsNoImageIsRefusedWithWhy() {
        String entities = "<?xml version=\"1.0\"?><!DOCTYPE svg [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<svg xmlns=\"http://www.w3.org/2000/svg\"><text>&x;</text></svg>";
        assertThatThrownBy(() -> Images.check("logo", entities.getBytes(StandardCharsets.UTF_8))).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.errors().getFirst().message()).contains("DOCTYPE is refused"));
        assertThatThrownBy(() -> Images.check("logo", "<html><body/></html>".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors().getFirst().message()).contains("not an SVG"));
        assertThatThrownBy(() -> Images.check("favicon", "GIF89a....".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors().getFirst().message()).contains("PNG or SVG"));
        assertThatThrownBy(() -> Images.check("logo", new byte[Images.BYTES_MAX + 1])).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("logo");
    }
}
