package dev.veltrix.branding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.veltrix.core.error.ConflictException;
import dev.veltrix.core.error.InvalidInputException;
import dev.veltrix.core.error.RejectedException;
import dev.veltrix.storage.MutableClock;
import dev.veltrix.storage.SqlKind;
import dev.veltrix.storage.StorageSchema;
import dev.veltrix.storage.TestDatabases;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Brands on every database: drafts, publishing only what passes contrast, host names, history and rollback, the default. */
class BrandsContractTest {
    static final Palette FOREST = new Palette("#0b1f14", "#12301f", "#e9f5ec", "#a9c9b4", "#5fd38d", "#06210f", "#ffcf5a", "#2a1d00");
    static final Palette UNREADABLE = new Palette("#ffffff", "#f4f4f4", "#aaaaaa", "#cccccc", "#7fb3ff", "#ffffff", "#ffd166", "#222222");

    static Brand brand(String id, String name, Palette palette, List<String> hosts) {
        return new Brand(id, name, palette, FontStack.HUMANIST, 4, List.of(new Brand.Link("Discord", "https://discord.gg/emerald")),
                new Brand.Legal("Play fair.", "We keep your name.", "Refunds within 14 days."), List.of("ranks"), hosts);
    }

    @ParameterizedTest
    @MethodSource("dev.veltrix.storage.TestDatabases#kinds")
    void onlyAReadableBrandIsPublishedAndHostsFindTheirBrand(SqlKind kind) {
        try (var db = TestDatabases.open(kind, List.of(StorageSchema.MODULE, Brands.SCHEMA))) {
            Brands brands = new Brands(db.database(), new MutableClock(Instant.parse("2026-12-01T00:00:00Z")));
            assertThat(brands.forHost("play.emerald.test").brand().name()).as("before any brand").isEqualTo("Veltrix");

            Brand bad = new Brand("Emerald!", "", new Palette("green", "#000", "#fff", "#999", "#0f0", "#000", "#ff0", "#000"), FontStack.SERIF,
                    40, List.of(new Brand.Link("Shop", "http://shop.example")), null, List.of(), List.of("Play.Emerald", "play.emerald"));
            assertThatThrownBy(() -> brands.saveDraft(bad, null, null, "ops")).isInstanceOfSatisfying(InvalidInputException.class, e ->
                    assertThat(e.errors()).extracting(err -> err.field()).containsExactlyInAnyOrder("id", "name", "palette.background", "radius",
                            "footer[0].url", "hosts[0]"));

            brands.saveDraft(brand("emerald", "Emerald Isle", UNREADABLE, List.of("play.emerald.test")), null, null, "ops");
            assertThatThrownBy(() -> brands.publish("emerald", "ops")).isInstanceOf(RejectedException.class)
                    .hasMessageContaining("text on background is 2.32:1; it needs 4.5:1 (try text #");
            assertThat(brands.forHost("play.emerald.test").brand().name()).as("nothing published").isEqualTo("Veltrix");

            byte[] logo = SvgSanitizerTest.HOSTILE.getBytes(StandardCharsets.UTF_8);
            brands.saveDraft(brand("emerald", "Emerald Isle", FOREST, List.of("play.emerald.test")), Images.check("logo", logo).asset(), null, "ops");
            BrandVersion first = brands.publish("emerald", "ops");
            assertThat(brands.forHost("PLAY.emerald.test:8080").brand().palette()).isEqualTo(FOREST);
            assertThat(new String(brands.asset("emerald", first.version(), "logo").orElseThrow().bytes(), StandardCharsets.UTF_8))
                    .contains("<circle").doesNotContain("script", "evil.example");
            assertThat(brands.forHost("elsewhere.test").brand().name()).isEqualTo("Veltrix");

            // A second brand may not take the first one's host; a rename keeps the logo; rollback brings the first back.
            brands.saveDraft(brand("ruby", "Ruby Realm", FOREST, List.of("play.emerald.test")), null, null, "ops");
            assertThatThrownBy(() -> brands.publish("ruby", "ops")).isInstanceOf(ConflictException.class)
                    .hasMessageContaining("host play.emerald.test shows brand emerald");
            BrandVersion renamed = brands.saveDraft(brand("emerald", "Emerald Coast", FOREST, List.of("play.emerald.test", "shop.emerald.test")),
                    null, null, "ops");
            brands.publish("emerald", "ops");
            assertThat(brands.asset("emerald", renamed.version(), "logo")).as("the logo carried over").isPresent();
            BrandVersion back = brands.rollback("emerald", first.version(), "ops");
            assertThat(back.version()).isGreaterThan(renamed.version());
            assertThat(brands.published("emerald").orElseThrow().brand().name()).isEqualTo("Emerald Isle");
            assertThat(brands.history("emerald")).extracting(BrandVersion::state).containsExactly("published", "retired", "retired");
            assertThat(brands.history("emerald").getFirst().savedBy()).isEqualTo("ops");

            assertThatThrownBy(() -> brands.setDefault("ruby")).isInstanceOf(RejectedException.class).hasMessageContaining("not published");
            brands.setDefault("emerald");
            assertThat(brands.defaultBrand()).contains("emerald");
        }
    }
}
