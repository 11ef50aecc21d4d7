package com.solanamafia.sim;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.p2p.solanaj.core.PublicKey;
import org.p2p.solanaj.rpc.RpcClient;
import org.p2p.solanaj.rpc.RpcException;
import org.p2p.solanaj.rpc.types.ConfirmedTransaction;
import org.p2p.solanaj.rpc.types.LatestBlockhash;
import org.p2p.solanaj.rpc.types.config.Commitment;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The HTTP JSON-RPC as an unmodified solanaj 1.27.3 client and a raw client see it. */
class RpcWireTest {
    private ChainSimulator sim;
    private RpcClient solanaj;
    private RawRpc raw;

    @BeforeEach
    void start() {
        sim = ChainSimulator.start(SimConfig.builder().build());
        solanaj = new RpcClient(sim.rpcUrl());
        raw = new RawRpc(sim.rpcUrl());
    }

    @AfterEach
    void stop() {
        sim.stop();
    }

    private List<AppendedTransaction> appendOurs(int n) {
        List<AppendedTransaction> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(sim.appendTransaction(Logs.of(Logs.PROGRAM, "ClaimEarnings")));
            sim.appendTransaction(Logs.of(Logs.OTHER, "Transfer"));
            if (i % 3 == 2) {
                sim.advanceSlots(1);
            }
        }
        return out;
    }

    @Test
    void slotBlockhashHealthAndVersionThroughSolanaj() throws RpcException {
        sim.advanceSlots(5);
        long slot = solanaj.getApi().getSlot();
        assertThat(slot).isEqualTo(SimConfig.DEFAULT_FIRST_SLOT + 5);
        assertThat(solanaj.getApi().getSlot(Commitment.CONFIRMED)).isEqualTo(slot);
        LatestBlockhash latest = solanaj.getApi().getLatestBlockhash();
        assertThat(latest.getContext().getSlot()).isEqualTo(slot);
        assertThat(latest.getValue().getBlockhash()).hasSizeBetween(32, 44);
        assertThat(latest.getValue().getLastValidBlockHeight()).isGreaterThan(slot);
        assertThat(solanaj.getApi().getBlockHeight()).isEqualTo(slot);
        assertThat(solanaj.getApi().getHealth()).isTrue();
        assertThat(solanaj.getApi().getVersion().getSolanaCore()).isNotBlank();
        assertThat(solanaj.getApi().getGenesisHash()).isNotBlank();
        assertThat(solanaj.getApi().getEpochInfo().getAbsoluteSlot()).isEqualTo(slot);
    }

    @Test
    void signaturesForAddressPagesWithBeforeUntilLimitThroughSolanaj() throws RpcException {
        List<AppendedTransaction> ours = appendOurs(25);
        PublicKey program = new PublicKey(Logs.PROGRAM);

        // solanaj's typed getSignaturesForAddress casts slot/blockTime to Double, but Jackson reads the integers
        // every real RPC sends as Integer/Long: it throws against mainnet too. The wire format stays real; the typed
        // method's failure is pinned here and paging goes through solanaj's own RpcClient.call.
        assertThatThrownBy(() -> solanaj.getApi().getSignaturesForAddress(program, 10, Commitment.FINALIZED))
                .isInstanceOf(ClassCastException.class);

        List<String> all = signatures(page(Map.of("limit", 1000)));
        assertThat(all).containsExactlyElementsOf(reversed(ours).stream().map(AppendedTransaction::signature).toList());

        List<String> paged = new ArrayList<>();
        String before = null;
        while (true) {
            Map<String, Object> config = new java.util.HashMap<>(Map.of("limit", 7, "commitment", "finalized"));
            if (before != null) {
                config.put("before", before);
            }
            List<Map<String, Object>> page = page(config);
            if (page.isEmpty()) {
                break;
            }
            assertThat(page.size()).isLessThanOrEqualTo(7);
            paged.addAll(signatures(page));
            before = paged.get(paged.size() - 1);
        }
        assertThat(paged).containsExactlyElementsOf(all);

        String until = ours.get(19).signature();
        List<Map<String, Object>> newest = page(Map.of("until", until));
        assertThat(signatures(newest)).containsExactly(ours.get(24).signature(), ours.get(23).signature(), ours.get(22).signature(),
                ours.get(21).signature(), ours.get(20).signature());
        assertThat(((Number) newest.get(0).get("slot")).longValue()).isEqualTo(ours.get(24).slot());
        List<String> window = signatures(page(Map.of("before", ours.get(10).signature(), "until", ours.get(6).signature(), "limit", 2)));
        assertThat(window).containsExactly(ours.get(9).signature(), ours.get(8).signature());
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> page(Map<String, Object> config) throws RpcException {
        return solanaj.call("getSignaturesForAddress", List.of(Logs.PROGRAM, config), List.class);
    }

    private static List<String> signatures(List<Map<String, Object>> page) {
        return page.stream().map(m -> (String) m.get("signature")).toList();
    }

    @Test
    void signatureEntriesHaveTheRealShape() {
        AppendedTransaction failed = sim.appendTransaction(Logs.of(Logs.PROGRAM, "CreateBusiness"),
                RawRpc.MAPPER.createObjectNode().set("InstructionError", RawRpc.MAPPER.createArrayNode().add(0)
                        .add(RawRpc.MAPPER.createObjectNode().put("Custom", 6001))));
        JsonNode entry = raw.result("getSignaturesForAddress", Logs.PROGRAM, java.util.Map.of("limit", 1)).get(0);
        assertThat(entry.get("signature").asText()).isEqualTo(failed.signature());
        assertThat(entry.get("slot").asLong()).isEqualTo(failed.slot());
        assertThat(entry.get("err").toString()).isEqualTo("{\"InstructionError\":[0,{\"Custom\":6001}]}");
        assertThat(entry.has("memo") && entry.get("memo").isNull()).isTrue();
        assertThat(entry.get("blockTime").isIntegralNumber()).isTrue();
        assertThat(entry.get("confirmationStatus").asText()).isEqualTo("finalized");
        JsonNode limitError = raw.call("getSignaturesForAddress", Logs.PROGRAM, java.util.Map.of("limit", 1001));
        assertThat(limitError.at("/error/code").asInt()).isEqualTo(-32602);
    }

    @Test
    void transactionParsesInSolanajAndHasTheFullShape() throws RpcException {
        AppendedTransaction tx = sim.appendTransaction(Logs.of(Logs.PROGRAM, "ClaimEarnings"));
        ConfirmedTransaction parsed = solanaj.getApi().getTransaction(tx.signature());
        assertThat(parsed.getSlot()).isEqualTo(tx.slot());
        assertThat(parsed.getTransaction().getSignatures()).containsExactly(tx.signature());
        assertThat(parsed.getTransaction().getMessage().getAccountKeys()).contains(Logs.PROGRAM);
        assertThat(parsed.getTransaction().getMessage().getInstructions()).hasSize(1);
        assertThat(parsed.getMeta().getFee()).isEqualTo(5000);
        assertThat(parsed.getMeta().getErr()).isNull();
        assertThat(parsed.getMeta().getPreBalances()).hasSameSizeAs(parsed.getMeta().getPostBalances());

        JsonNode json = raw.result("getTransaction", tx.signature(),
                java.util.Map.of("encoding", "json", "maxSupportedTransactionVersion", 0, "commitment", "finalized"));
        assertThat(json.get("version").asText()).isEqualTo("legacy");
        assertThat(json.at("/meta/logMessages/1").asText()).isEqualTo("Program log: Instruction: ClaimEarnings");
        assertThat(json.at("/meta/status").toString()).isEqualTo("{\"Ok\":null}");
        assertThat(json.at("/meta/computeUnitsConsumed").asLong()).isEqualTo(4321);
        assertThat(json.at("/meta/loadedAddresses/readonly").isArray()).isTrue();
        assertThat(json.at("/meta/innerInstructions").isArray()).isTrue();
        assertThat(json.at("/transaction/message/header/numRequiredSignatures").asInt()).isEqualTo(1);
        assertThat(json.at("/transaction/message/recentBlockhash").asText()).isNotBlank();
        int programIndex = json.at("/transaction/message/instructions/0/programIdIndex").asInt();
        assertThat(json.at("/transaction/message/accountKeys/" + programIndex).asText()).isEqualTo(Logs.PROGRAM);

        String unknown = com.solanamafia.api.chain.Base58.encode(new byte[64]);
        assertThat(raw.result("getTransaction", unknown, java.util.Map.of("encoding", "json")).isNull()).isTrue();
        assertThat(raw.call("getTransaction", tx.signature(), java.util.Map.of("commitment", "processed")).at("/error/code").asInt())
                .isEqualTo(-32602);
    }

    @Test
    void commitmentLevelsHideWhatIsNotYetFinal() {
        sim.advanceSlots(10);
        sim.ledger().setLags(1, 2);
        AppendedTransaction tx = sim.appendTransaction(Logs.of(Logs.PROGRAM, "ClaimEarnings"));
        assertThat(raw.result("getTransaction", tx.signature(), java.util.Map.of("commitment", "confirmed")).isNull()).isTrue();
        assertThat(raw.result("getSignaturesForAddress", Logs.PROGRAM).size()).isZero();
        sim.advanceSlots(1);
        assertThat(raw.result("getTransaction", tx.signature(), java.util.Map.of("commitment", "confirmed")).isNull()).isFalse();
        assertThat(raw.result("getTransaction", tx.signature()).isNull()).isTrue();
        JsonNode confirmed = raw.result("getSignaturesForAddress", Logs.PROGRAM, java.util.Map.of("commitment", "confirmed"));
        assertThat(confirmed.get(0).get("confirmationStatus").asText()).isEqualTo("confirmed");
        sim.advanceSlots(2);
        assertThat(raw.result("getTransaction", tx.signature()).isNull()).isFalse();
        long processed = raw.result("getSlot", java.util.Map.of("commitment", "processed")).asLong();
        assertThat(raw.result("getSlot").asLong()).isEqualTo(processed - 3);
    }

    @Test
    void errorsUseTheValidatorCodes() {
        assertThat(raw.call("getNothing").at("/error/code").asInt()).isEqualTo(-32601);
        assertThat(raw.call("getNothing").at("/error/message").asText()).isEqualTo("Method not found");
        assertThat(raw.call("getSignaturesForAddress", "not-base58!").at("/error/code").asInt()).isEqualTo(-32602);
        assertThat(raw.call("getTransaction").at("/error/code").asInt()).isEqualTo(-32602);
        JsonNode parse = readTree(raw.post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":").body());
        assertThat(parse.at("/error/code").asInt()).isEqualTo(-32700);
        assertThat(parse.get("jsonrpc").asText()).isEqualTo("2.0");
        assertThat(parse.get("id").isNull()).isTrue();
        JsonNode batch = readTree(raw.post("[{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"getHealth\"},"
                + "{\"jsonrpc\":\"2.0\",\"id\":\"x\",\"method\":\"nope\"}]").body());
        assertThat(batch.isArray()).isTrue();
        assertThat(batch.get(0).get("result").asText()).isEqualTo("ok");
        assertThat(batch.get(0).get("id").asInt()).isEqualTo(7);
        assertThat(batch.get(1).at("/error/code").asInt()).isEqualTo(-32601);
        assertThat(batch.get(1).get("id").asText()).isEqualTo("x");
    }

    @Test
    void sendTransactionReturnsTheFirstSignatureAndRecordsIt() {
        byte[] signature = new byte[64];
        for (int i = 0; i < 64; i++) {
            signature[i] = (byte) (i + 1);
        }
        byte[] payer = new byte[32];
        payer[0] = 9;
        byte[] program = com.solanamafia.api.chain.Base58.decode(Logs.PROGRAM);
        java.io.ByteArrayOutputStream wire = new java.io.ByteArrayOutputStream();
        wire.write(1);
        wire.writeBytes(signature);
        wire.writeBytes(new byte[] {1, 0, 1});
        wire.write(2);
        wire.writeBytes(payer);
        wire.writeBytes(program);
        wire.writeBytes(new byte[32]);
        wire.write(1);
        wire.writeBytes(new byte[] {1, 1, 0, 2, 7, 7});
        String expected = com.solanamafia.api.chain.Base58.encode(signature);

        JsonNode sent = raw.result("sendTransaction", Base64.getEncoder().encodeToString(wire.toByteArray()), java.util.Map.of("encoding", "base64"));
        assertThat(sent.asText()).isEqualTo(expected);
        JsonNode again = raw.result("sendTransaction", com.solanamafia.api.chain.Base58.encode(wire.toByteArray()));
        assertThat(again.asText()).isEqualTo(expected);
        JsonNode status = raw.result("getSignatureStatuses", List.of(expected));
        assertThat(status.at("/value/0/confirmationStatus").asText()).isEqualTo("finalized");
        JsonNode tx = raw.result("getTransaction", expected, java.util.Map.of("encoding", "json"));
        assertThat(tx.at("/transaction/message/accountKeys/1").asText()).isEqualTo(Logs.PROGRAM);
        assertThat(tx.at("/transaction/message/instructions/0/data").asText())
                .isEqualTo(com.solanamafia.api.chain.Base58.encode(new byte[] {7, 7}));
        assertThat(raw.call("sendTransaction", "AAAA", java.util.Map.of("encoding", "base64")).at("/error/code").asInt()).isEqualTo(-32602);
    }

    @Test
    void accountInfoIsNullUnlessRegistered() throws RpcException {
        PublicKey key = new PublicKey(Logs.OTHER);
        assertThat(raw.result("getAccountInfo", Logs.OTHER, java.util.Map.of("encoding", "base64")).get("value").isNull()).isTrue();
        sim.putAccount(Logs.OTHER, new com.solanamafia.sim.rpc.SimAccount(2_039_280, Logs.PROGRAM, new byte[] {1, 2, 3}, false));
        JsonNode value = raw.result("getAccountInfo", Logs.OTHER, java.util.Map.of("encoding", "base64")).get("value");
        assertThat(value.get("data").get(0).asText()).isEqualTo("AQID");
        assertThat(value.get("owner").asText()).isEqualTo(Logs.PROGRAM);
        assertThat(solanaj.getApi().getAccountInfo(key).getValue().getLamports()).isEqualTo(2_039_280);
    }

    @Test
    void solanajSurfacesRpcErrors() {
        assertThatThrownBy(() -> solanaj.getApi().getSignaturesForAddress(new PublicKey(Logs.PROGRAM), 5000, Commitment.FINALIZED))
                .isInstanceOf(RpcException.class);
    }

    private static JsonNode readTree(String s) {
        try {
            return RawRpc.MAPPER.readTree(s);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> List<T> reversed(List<T> list) {
        List<T> copy = new ArrayList<>(list);
        java.util.Collections.reverse(copy);
        return copy;
    }
}
