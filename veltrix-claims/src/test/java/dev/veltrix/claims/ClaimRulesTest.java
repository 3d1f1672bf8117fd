package dev.veltrix.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Group overrides give members the best terms of their groups, and the shape rules name what to fix. */
class ClaimRulesTest {
    private static final List<GroupRule> OVERRIDES = List.of(GroupRule.parse("vip:initial-blocks=1000;max-per-player=5"),
            GroupRule.parse("mvp:initial-blocks=500;blocks-per-hour=300;max-per-player=0"));

    @Test
    void membersGetTheBestTermOfEachOfTheirGroups() {
        ClaimRules base = new ClaimRules(100, 100, 80_000, 5, 100, 2, 1.0);
        assertThat(base.forGroups(List.of(), OVERRIDES)).isEqualTo(base);
        ClaimRules vip = base.forGroups(List.of("vip"), OVERRIDES);
        assertThat(vip.initialBlocks()).isEqualTo(1_000);
        assertThat(vip.maxClaims()).isEqualTo(5);
        ClaimRules both = base.forGroups(List.of("vip", "mvp"), OVERRIDES);
        assertThat(both.initialBlocks()).isEqualTo(1_000);
        assertThat(both.blocksPerHour()).isEqualTo(300);
        assertThat(both.maxClaims()).as("unlimited wins").isZero();
    }

    @Test
    void aMalformedOverrideSaysWhatIsWrong() {
        assertThatThrownBy(() -> GroupRule.parse("vip")).hasMessageContaining("group:term=value");
        assertThatThrownBy(() -> GroupRule.parse("vip:speed=3")).hasMessageContaining("unknown term speed");
        assertThatThrownBy(() -> GroupRule.parse("vip:initial-blocks=-5")).hasMessageContaining("negative");
    }

    @Test
    void shapeRulesNameTheProblem() {
        World world = World.standard("world", "");
        assertThat(ClaimRules.DEFAULTS.problems(new Box(0, -64, 0, 3, 319, 40), world)).singleElement().asString()
                .contains("at least 5 blocks wide");
        assertThat(ClaimRules.DEFAULTS.problems(new Box(0, -64, 0, 9, 319, 9), world)).isEmpty();
    }
}
