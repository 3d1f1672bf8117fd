package dev.veltrix.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Who may do what where: owners, trust levels, groups, everyone, subdivisions, admin claims, flags. */
class PermissionsTest {
    private static final UUID OWNER = UUID.randomUUID();
    private static final UUID FRIEND = UUID.randomUUID();
    private static final UUID STRANGER = UUID.randomUUID();
    private static final UUID BUILDER = UUID.randomUUID();
    private final Claim home = new Claim(UUID.randomUUID(), "world", OWNER, new Box(0, -64, 0, 99, 319, 99), null, false,
            Map.of(Subjects.player(FRIEND), Trust.CONTAINER, Subjects.group("builders"), Trust.BUILD), Map.of(Flag.PVP, true));
    private final Claim shop = new Claim(UUID.randomUUID(), "world", OWNER, new Box(10, -64, 10, 19, 319, 19), home.id(), false,
            Map.of(Subjects.EVERYONE, Trust.ACCESS), Map.of());
    private final Claim vault = new Claim(UUID.randomUUID(), "world", OWNER, new Box(50, 0, 50, 59, 20, 59), home.id(), true,
            Map.of(), Map.of(Flag.PVP, false));
    private final Claim spawn = new Claim(UUID.randomUUID(), "world", null, new Box(1000, -64, 1000, 1099, 319, 1099), null, false,
            Map.of(Subjects.player(BUILDER), Trust.BUILD), Map.of());
    private final ClaimIndex index = ClaimIndex.of(List.of(vault, shop, home, spawn));

    private boolean can(UUID player, List<String> groups, Action action, int x, int y, int z) {
        return index.can(player, groups, action, "world", x, y, z);
    }

    @Test
    void theOwnerMayDoAnythingAndTrustLevelsIncludeTheOnesBelow() {
        assertThat(can(OWNER, List.of(), Action.MANAGE, 5, 70, 5)).isTrue();
        assertThat(can(FRIEND, List.of(), Action.CONTAINER, 5, 70, 5)).isTrue();
        assertThat(can(FRIEND, List.of(), Action.INTERACT, 5, 70, 5)).as("container includes access").isTrue();
        assertThat(can(FRIEND, List.of(), Action.BUILD, 5, 70, 5)).isFalse();
        assertThat(can(STRANGER, List.of(), Action.INTERACT, 5, 70, 5)).isFalse();
        assertThat(can(STRANGER, List.of("builders"), Action.BUILD, 5, 70, 5)).as("trusted through a group").isTrue();
        assertThat(can(STRANGER, List.of(), Action.BUILD, 500, 70, 500)).as("the wild is open").isTrue();
    }

    @Test
    void subdivisionsInheritTheParentsTrustUnlessRestricted() {
        assertThat(index.at("world", 15, 70, 15)).isEqualTo(shop);
        assertThat(can(STRANGER, List.of(), Action.INTERACT, 15, 70, 15)).as("the shop lets everyone in").isTrue();
        assertThat(can(FRIEND, List.of(), Action.CONTAINER, 15, 70, 15)).as("inherited from home").isTrue();
        assertThat(can(FRIEND, List.of(), Action.CONTAINER, 55, 10, 55)).as("the vault is restricted").isFalse();
        assertThat(can(OWNER, List.of(), Action.BUILD, 55, 10, 55)).as("the parent's owner").isTrue();
        assertThat(index.at("world", 55, 30, 55)).as("above the vault's Y range: the home").isEqualTo(home);
    }

    @Test
    void adminClaimsTrustOnlyWhomTheyName() {
        assertThat(can(BUILDER, List.of(), Action.BUILD, 1050, 64, 1050)).isTrue();
        assertThat(can(OWNER, List.of(), Action.BUILD, 1050, 64, 1050)).isFalse();
        assertThat(index.at("world", 1050, 64, 1050).isAdminClaim()).isTrue();
    }

    @Test
    void flagsComeFromTheClaimThenItsParentThenTheDefaults() {
        assertThat(index.flag(Flag.PVP, "world", 5, 70, 5)).isTrue();
        assertThat(index.flag(Flag.PVP, "world", 15, 70, 15)).as("from the parent").isTrue();
        assertThat(index.flag(Flag.PVP, "world", 55, 10, 55)).as("the vault's own").isFalse();
        assertThat(index.flag(Flag.PVP, "world", 500, 70, 500)).as("the default").isFalse();
        assertThat(index.flag(Flag.ENTRY, "world", 5, 70, 5)).isTrue();
    }

    @Test
    void changesMakeANewIndexAndLeaveTheOldOneAsItWas() {
        ClaimIndex trusted = index.with(home.withTrust(Subjects.player(STRANGER), Trust.BUILD));
        assertThat(trusted.can(STRANGER, List.of(), Action.BUILD, "world", 5, 70, 5)).isTrue();
        assertThat(index.can(STRANGER, List.of(), Action.BUILD, "world", 5, 70, 5)).isFalse();
        assertThat(trusted.can(STRANGER, List.of(), Action.BUILD, "world", 15, 70, 15)).as("subdivisions see the new parent").isTrue();

        ClaimIndex abandoned = index.without(home.id());
        assertThat(abandoned.at("world", 15, 70, 15)).as("subdivisions go with their parent").isNull();
        assertThat(abandoned.size()).isEqualTo(1);
        assertThat(index.size()).isEqualTo(4);
    }
}
