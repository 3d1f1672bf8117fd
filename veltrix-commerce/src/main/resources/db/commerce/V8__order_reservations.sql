-- Whether an order still holds what it reserved (stock, a coupon use, the gift card's amount), so giving it back
-- happens once, whichever way the order closes (expired, cancelled, cancelled after review, refunded).
ALTER TABLE commerce_orders ADD COLUMN reserved INTEGER NOT NULL DEFAULT 1;
