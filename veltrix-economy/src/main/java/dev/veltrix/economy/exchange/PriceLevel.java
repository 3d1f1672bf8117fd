package dev.veltrix.economy.exchange;

/**
 * The resting orders at one price, oldest first, as an intrusive doubly linked list: appending,
 * taking the head and cancelling from the middle are all O(1).
 */
final class PriceLevel {
    final long price;
    RestingOrder head;
    RestingOrder tail;
    long quantity;

    PriceLevel(long price) {
        this.price = price;
    }

    void append(RestingOrder order) {
        order.level = this;
        order.prev = tail;
        order.next = null;
        if (tail == null) {
            head = order;
        } else {
            tail.next = order;
        }
        tail = order;
        quantity += order.remaining;
    }

    void remove(RestingOrder order) {
        if (order.prev == null) {
            head = order.next;
        } else {
            order.prev.next = order.next;
        }
        if (order.next == null) {
            tail = order.prev;
        } else {
            order.next.prev = order.prev;
        }
        quantity -= order.remaining;
        order.level = null;
        order.prev = null;
        order.next = null;
    }

    boolean isEmpty() {
        return head == null;
    }
}
