package dev.veltrix.economy.inflation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.veltrix.core.error.InvalidInputException;
import dev.veltrix.core.error.LimitedException;
import dev.veltrix.economy.ledger.AccountId;
import dev.veltrix.economy.ledger.TransferRequest;
import dev.veltrix.economy.market.MarketFixture;
import dev.veltrix.economy.market.MarketService;
import dev.veltrix.economy.market.MarketSettings;
import dev.veltrix.economy.market.Side;
import dev.veltrix.storage.SqlKind;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Indicators and levers over a few simulated days, on every database. */
class InflationTest {
    private static final LocalDate DAY_1 = LocalDate.parse("2026-03-01");
    private static final Set<AccountId> INSIDE = Set.of(new AccountId("system:exchange"));
    private static final Set<AccountId> TRADE = Set.of(MarketService.SHOP, new AccountId("system:exchange"));

    @ParameterizedTest
    @MethodSource("dev.veltrix.storage.TestDatabases#kinds")
    void supplyFlowsVelocityAndThePriceIndexFollowWhatHappened(SqlKind kind) {
        try (var f = new MarketFixture(kind, MarketSettings.DEFAULTS)) {
            EconomyPolicy policy = new EconomyPolicy(100, BigDecimal.ZERO, 0, List.of());
            InflationLevers levers = new InflationLevers(f.ledger, f.clock, policy, TRADE);
            f.ledger.policy(levers);
            InflationService inflation = new InflationService(f.ledger, f.market, f.clock, INSIDE, levers, c -> BigDecimal.ONE);
            f.market.define(MarketFixture.demandItem("diamond"));

            UUID alice = f.fundedPlayer(10_000);   // day 1: 20,000 issued
            UUID bob = f.fundedPlayer(10_000);
            long spent = f.market.trade("diamond", alice, Side.BUY, 10, null, "b1").trade().total();
            f.clock.advance(Duration.ofDays(1));  // day 2: a taxed transfer and more buying
            f.ledger.transfer("gift", new TransferRequest(AccountId.player(alice), AccountId.player(bob), "coins", 1_000, null, null));
            long spent2 = f.market.trade("diamond", bob, Side.BUY, 20, null, "b2").trade().total();

            Indicators indicators = inflation.indicators("coins", DAY_1, DAY_1.plusDays(1), null);
            var d1 = indicators.days().get(0);
            var d2 = indicators.days().get(1);
            assertThat(d1.issued()).isEqualTo(20_000);
            assertThat(d1.faucets()).containsEntry("issuance", 20_000L);
            assertThat(d1.sinks()).containsEntry("market", spent);
            assertThat(d1.supply()).isEqualTo(20_000 - spent);
            assertThat(d2.sinks()).containsEntry("tax", 10L).containsEntry("market", spent2);
            assertThat(d2.supply()).isEqualTo(20_000 - spent - 10 - spent2);
            assertThat(d2.volume()).isEqualTo(1_000);
            assertThat(d2.velocity()).isEqualByComparingTo(BigDecimal.valueOf(1_000).divide(BigDecimal.valueOf(d2.supply()), 6, java.math.RoundingMode.HALF_EVEN));
            assertThat(d1.priceIndex()).as("base day").isEqualByComparingTo("100");
            // Day 1 closed at 110; the pressure decayed overnight (60-minute half-life), then 20 bought: 120.
            assertThat(d2.priceIndex()).isEqualByComparingTo("109.0909");
            assertThat(d2.inflationDay()).isEqualByComparingTo("9.0909");
            assertThat(indicators.levers().taxCollected()).isEqualTo(10);
            assertThat(f.balance(alice)).as("the sender paid the tax on top").isEqualTo(10_000 - spent - 1_010);
        }
    }

    @ParameterizedTest
    @MethodSource("dev.veltrix.storage.TestDatabases#kinds")
    void aFaucetCapRefusesNewGrantsButNotARetryOfAnEarlierOne(SqlKind kind) {
        try (var f = new MarketFixture(kind, MarketSettings.DEFAULTS)) {
            InflationLevers levers = new InflationLevers(f.ledger, f.clock, new EconomyPolicy(0, BigDecimal.ZERO, 5_000, List.of()), TRADE);
            f.ledger.policy(levers);
            AccountId player = AccountId.player(UUID.randomUUID());
            var grant = new TransferRequest(new AccountId("system:quests"), player, "coins", 3_000, null, null);
            f.ledger.transfer("q1", grant);
            assertThatThrownBy(() -> f.ledger.transfer("q2", grant)).isInstanceOfSatisfying(LimitedException.class, e -> {
                assertThat(e.problemType()).isEqualTo("faucet-cap");
                assertThat(e.getMessage()).contains("at most 5000 coins per UTC day", "has 3000 today");
            });
            assertThat(f.ledger.transfer("q1", grant).replayed()).isTrue();
            assertThat(f.balance(player)).isEqualTo(3_000);
            assertThat(levers.refused()).isEqualTo(1);

            f.clock.advance(Duration.ofDays(1));
            f.ledger.transfer("q3", grant);
            assertThat(f.balance(player)).as("a new day, a new allowance").isEqualTo(6_000);
        }
    }

    @ParameterizedTest
    @MethodSource("dev.veltrix.storage.TestDatabases#kinds")
    void sellersGetLessWhenTheSupplyGrewAndTheIndicatorsSayHowMuch(SqlKind kind) {
        try (var f = new MarketFixture(kind, MarketSettings.DEFAULTS)) {
            EconomyPolicy policy = new EconomyPolicy(0, BigDecimal.ONE, 0, List.of());
            InflationLevers levers = new InflationLevers(f.ledger, f.clock, policy, TRADE);
            SupplyDampening dampening = new SupplyDampening(f.ledger, f.clock, BigDecimal.ONE, INSIDE);
            f.market = f.open(MarketSettings.DEFAULTS, dampening);
            f.market.define(MarketFixture.demandItem("diamond"));
            UUID seller = f.fundedPlayer(10_000);
            f.clock.advance(Duration.ofDays(8));
            f.fundedPlayer(10_000); // the supply doubles within the last week
            assertThat(dampening.factor("coins")).isEqualByComparingTo("0.5");

            long paid = f.market.trade("diamond", seller, Side.SELL, 1, null, "s1").trade().total();
            // ∫[-1,0] (100 + q) dq = 99.5, less the 1% half-spread = 98.505; half of it, rounded down.
            assertThat(paid).isEqualTo(49);
            InflationService inflation = new InflationService(f.ledger, f.market, f.clock, INSIDE, levers, dampening::factor);
            LocalDate today = DAY_1.plusDays(8);
            var levered = inflation.indicators("coins", today, today, null).levers();
            assertThat(levered.sellWithheld()).as("98 undamped, 49 paid").isEqualTo(49);
            assertThat(levered.sellDampening()).isEqualByComparingTo("0.5");
            assertThatThrownBy(() -> inflation.indicators("coins", today, today.plusDays(1), null))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("after today");
        }
    }
}
