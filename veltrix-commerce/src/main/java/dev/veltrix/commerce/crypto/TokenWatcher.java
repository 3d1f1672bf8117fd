package dev.veltrix.commerce.crypto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Payments of an ERC-20 token (USDC) to the store's addresses: the token contract's {@code Transfer} logs to
 * the address over the last {@code lookbackBlocks}, as the node's canonical chain has them now (a log whose
 * block was reorganised away is no longer returned). Each transfer is one payment, even several in one transaction.
 */
public final class TokenWatcher implements ChainWatcher {
    /** keccak256("Transfer(address,address,uint256)") */
    public static final String TRANSFER_TOPIC = "0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long CHUNK = 5_000; // many nodes cap eth_getLogs ranges

    private final EthereumRpc rpc;
    private final String contract;
    private final long lookbackBlocks;
    private final Clock clock;
    private final FirstSeen firstSeen;

    public TokenWatcher(EthereumRpc rpc, String contract, long lookbackBlocks, Clock clock, FirstSeen firstSeen) {
        this.rpc = rpc;
        this.contract = contract.toLowerCase(Locale.ROOT);
        this.lookbackBlocks = lookbackBlocks;
        this.clock = clock;
        this.firstSeen = firstSeen;
    }

    @Override
    public List<ObservedPayment> payments(String address) {
        long tip = rpc.blockNumber();
        String toTopic = "0x" + "0".repeat(24) + address.toLowerCase(Locale.ROOT).substring(2);
        List<ObservedPayment> payments = new ArrayList<>();
        for (long from = Math.max(0, tip - lookbackBlocks + 1); from <= tip; from += CHUNK) {
            ObjectNode filter = JSON.createObjectNode().put("fromBlock", EthereumRpc.hex(from))
                    .put("toBlock", EthereumRpc.hex(Math.min(tip, from + CHUNK - 1))).put("address", contract);
            ArrayNode topics = filter.putArray("topics");
            topics.add(TRANSFER_TOPIC);
            topics.addNull();
            topics.add(toTopic);
            for (JsonNode log : rpc.call("eth_getLogs", filter)) {
                if (log.path("removed").asBoolean(false)) {
                    continue;
                }
                String id = log.path("transactionHash").asText() + ":" + EthereumRpc.quantity(log.path("logIndex"));
                long block = EthereumRpc.quantity(log.path("blockNumber")).longValueExact();
                BigInteger amount = EthereumRpc.quantity(log.path("data"));
                payments.add(new ObservedPayment(id, amount, firstSeen.firstSeen(id, address, clock.instant()),
                        (int) Math.max(0, tip - block + 1)));
            }
        }
        return payments;
    }
}
