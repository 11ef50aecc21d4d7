package com.solanamafia.sim.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.solanamafia.sim.ledger.Commitment;
import com.solanamafia.sim.ledger.CompiledInstruction;
import com.solanamafia.sim.ledger.SimTransaction;

/** Renders ledger transactions in the exact JSON shapes of the Solana RPC (encoding "json"). */
final class TransactionJson {
    private final ObjectMapper mapper;

    TransactionJson(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** One entry of getSignaturesForAddress. */
    ObjectNode signatureInfo(SimTransaction tx, Commitment status) {
        ObjectNode n = mapper.createObjectNode();
        n.put("signature", tx.signature());
        n.put("slot", tx.slot());
        n.set("err", errOrNull(tx));
        n.putNull("memo");
        n.put("blockTime", tx.blockTime());
        n.put("confirmationStatus", status.wireName());
        return n;
    }

    /** The getTransaction result. */
    ObjectNode transaction(SimTransaction tx) {
        ObjectNode n = mapper.createObjectNode();
        n.put("slot", tx.slot());
        n.put("blockTime", tx.blockTime());
        if (tx.versioned()) {
            n.put("version", 0);
        } else {
            n.put("version", "legacy");
        }
        n.set("meta", meta(tx));
        ObjectNode transaction = n.putObject("transaction");
        transaction.putArray("signatures").add(tx.signature());
        ObjectNode message = transaction.putObject("message");
        ArrayNode keys = message.putArray("accountKeys");
        tx.accountKeys().forEach(keys::add);
        ObjectNode header = message.putObject("header");
        header.put("numReadonlySignedAccounts", tx.header()[1]);
        header.put("numReadonlyUnsignedAccounts", tx.header()[2]);
        header.put("numRequiredSignatures", tx.header()[0]);
        ArrayNode instructions = message.putArray("instructions");
        for (CompiledInstruction ix : tx.instructions()) {
            ObjectNode i = instructions.addObject();
            ArrayNode accounts = i.putArray("accounts");
            ix.accounts().forEach(accounts::add);
            i.put("data", ix.dataBase58());
            i.put("programIdIndex", ix.programIdIndex());
            i.putNull("stackHeight");
        }
        message.put("recentBlockhash", tx.recentBlockhash());
        if (tx.versioned()) {
            message.putArray("addressTableLookups");
        }
        return n;
    }

    private ObjectNode meta(SimTransaction tx) {
        ObjectNode meta = mapper.createObjectNode();
        meta.put("computeUnitsConsumed", tx.computeUnitsConsumed());
        meta.set("err", errOrNull(tx));
        meta.put("fee", tx.fee());
        meta.putArray("innerInstructions");
        ObjectNode loaded = meta.putObject("loadedAddresses");
        loaded.putArray("readonly");
        loaded.putArray("writable");
        ArrayNode logs = meta.putArray("logMessages");
        tx.logMessages().forEach(logs::add);
        ArrayNode post = meta.putArray("postBalances");
        tx.postBalances().forEach(post::add);
        meta.putArray("postTokenBalances");
        ArrayNode pre = meta.putArray("preBalances");
        tx.preBalances().forEach(pre::add);
        meta.putArray("preTokenBalances");
        meta.putArray("rewards");
        ObjectNode status = meta.putObject("status");
        if (tx.succeeded()) {
            status.putNull("Ok");
        } else {
            status.set("Err", tx.err());
        }
        return meta;
    }

    JsonNode errOrNull(SimTransaction tx) {
        return tx.succeeded() ? mapper.nullNode() : tx.err();
    }
}
