package dev.veltrix.commerce.crypto;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigInteger;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A real Ethereum node for tests: ganache 7.9.2 with its deterministic wallet (ten funded, unlocked accounts),
 * started as a process on a free port. The tests skip, saying so, where {@code VELTRIX_TEST_GANACHE} does not
 * name the ganache command (CI installs it with npm and sets it in {@code .ci/run}).
 */
public final class Ganache implements AutoCloseable {
    public static final String ENV = "VELTRIX_TEST_GANACHE";
    public static final long CHAIN_ID = 1337;
    private final Process process;
    public final EthereumRpc rpc;
    public final URI url;
    public final List<String> accounts;

    private Ganache(Process process, URI url) {
        this.process = process;
        this.url = url;
        this.rpc = new EthereumRpc(url);
        this.accounts = awaitAccounts();
    }

    public static Ganache start() throws IOException {
        String command = System.getenv(ENV);
        assumeTrue(command != null && Files.isExecutable(Path.of(command)), "Ethereum tests skipped: set " + ENV
                + " to the ganache command (npm install ganache@7.9.2; .ci/run does this)");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Process process = new ProcessBuilder(command, "--wallet.deterministic", "--port", Integer.toString(port), "--host", "127.0.0.1",
                "--chain.chainId", Long.toString(CHAIN_ID), "--logging.quiet")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        return new Ganache(process, URI.create("http://127.0.0.1:" + port));
    }

    private List<String> awaitAccounts() {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (true) {
            try {
                JsonNode accounts = rpc.call("eth_accounts");
                return java.util.stream.StreamSupport.stream(accounts.spliterator(), false).map(JsonNode::asText).toList();
            } catch (WatcherUnavailableException e) {
                if (System.nanoTime() > deadline || !process.isAlive()) {
                    throw new IllegalStateException("ganache did not start at " + url, e);
                }
                sleep(200);
            }
        }
    }

    /** Sends {@code wei} of ether; ganache mines it into a block at once. Returns the transaction hash. */
    public String sendEther(String from, String to, BigInteger wei) {
        return rpc.call("eth_sendTransaction", Map.of("from", from, "to", to, "value", "0x" + wei.toString(16))).asText();
    }

    /** Mines {@code blocks} empty blocks. */
    public void mine(int blocks) {
        for (int i = 0; i < blocks; i++) {
            rpc.call("evm_mine");
        }
    }

    /** A snapshot of the chain to go back to: what a reorganisation does to the blocks after it. */
    public String snapshot() {
        return rpc.call("evm_snapshot").asText();
    }

    public void revert(String snapshot) {
        rpc.call("evm_revert", snapshot);
    }

    /** Deploys the test ERC-20 (6 decimals) with {@code supply} base units minted to {@code from}; returns its address. */
    public String deployToken(String from, BigInteger supply) throws IOException {
        String bin;
        try (var in = Ganache.class.getResourceAsStream("/ethereum/TestToken.bin")) {
            bin = new String(in.readAllBytes()).strip();
        }
        String data = "0x" + bin + word(supply);
        String hash = rpc.call("eth_sendTransaction", Map.of("from", from, "data", data, "gas", "0x2dc6c0")).asText();
        return rpc.call("eth_getTransactionReceipt", hash).path("contractAddress").asText();
    }

    /** Transfers {@code amount} base units of the token; returns the transaction hash. */
    public String transferToken(String token, String from, String to, BigInteger amount) {
        String data = "0xa9059cbb" + word(new BigInteger(to.substring(2), 16)) + word(amount);
        return rpc.call("eth_sendTransaction", Map.of("from", from, "to", token, "data", data, "gas", "0x186a0")).asText();
    }

    private static String word(BigInteger value) {
        String hex = value.toString(16);
        return "0".repeat(64 - hex.length()) + hex;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
    }
}
