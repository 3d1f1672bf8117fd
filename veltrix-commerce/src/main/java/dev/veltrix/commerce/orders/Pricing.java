package dev.veltrix.commerce.orders;

import dev.veltrix.commerce.catalog.Coupon;
import dev.veltrix.commerce.catalog.Sale;
import dev.veltrix.commerce.catalog.StorePackage;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Prices a basket from the catalog alone (never from what a browser sent): each package at its price less the
 * deepest sale running, then the coupon on the lines it covers. Percentages round in the buyer's favour to the
 * minor unit; an amount off never exceeds what it covers.
 */
public final class Pricing {
    private Pricing() {
    }

    public record Priced(List<OrderLine> lines, long subtotal, long discount) {
        public long total() {
            return subtotal - discount;
        }
    }

    public record Item(StorePackage pkg, int quantity) {
    }

    public static Priced price(List<Item> items, List<Sale> sales, Coupon coupon, Instant at) {
        List<OrderLine> lines = new ArrayList<>();
        long subtotal = 0;
        long covered = 0;
        for (Item item : items) {
            StorePackage pkg = item.pkg();
            int salePercent = sales.stream().filter(s -> s.covers(pkg, at)).mapToInt(Sale::percentOff).max().orElse(0);
            long unit = pkg.price() - percentOf(pkg.price(), salePercent);
            OrderLine line = new OrderLine(pkg.id(), pkg.name(), item.quantity(), unit);
            lines.add(line);
            subtotal = Math.addExact(subtotal, line.total());
            if (coupon != null && coupon.covers(pkg)) {
                covered = Math.addExact(covered, line.total());
            }
        }
        long discount = 0;
        if (coupon != null) {
            discount = coupon.percentOff() != null ? percentOf(covered, coupon.percentOff()) : Math.min(coupon.amountOff(), covered);
        }
        return new Priced(lines, subtotal, discount);
    }

    /** {@code percent}% of {@code amount}, rounded up (the discount, so the buyer is never short-changed). */
    static long percentOf(long amount, int percent) {
        BigInteger[] qr = BigInteger.valueOf(amount).multiply(BigInteger.valueOf(percent)).divideAndRemainder(BigInteger.valueOf(100));
        return qr[0].longValueExact() + (qr[1].signum() > 0 ? 1 : 0);
    }
}
