package com.solanamafia.ingest.pipeline;

import com.solanamafia.api.chain.ChainFactCommand;
import org.axonframework.commandhandling.gateway.CommandGateway;

/**
 * Sends a chain-fact command and then, at once and in order, the command each handler answers with: one chain
 * event may concern several aggregates (BusinessTransferred: the NFT, the old owner, the new owner), and each
 * handler knows what the next one needs. A handler that answers anything else (or nothing) ends the chain.
 */
public final class FollowUpCommands {
    private static final int MAX_CHAIN = 8;

    private FollowUpCommands() {
    }

    public static void send(CommandGateway commands, Object command) {
        Object next = command;
        for (int sent = 0; next != null; sent++) {
            if (sent == MAX_CHAIN) {
                throw new IllegalStateException("more than " + MAX_CHAIN + " follow-up commands from " + command);
            }
            Object answer = commands.sendAndWait(next);
            next = answer instanceof ChainFactCommand followUp ? followUp : null;
        }
    }
}
