package com.solanamafia.projections.support;

import com.solanamafia.api.chain.Wallet;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.springframework.stereotype.Component;

/**
 * Keeps the events of one wallet in order within a pooled processor (and one dead-letter sequence per wallet):
 * the read models key their rows by wallet and skip events at or below a row's recorded position, which is only
 * safe when a wallet's events arrive in event-store order. NFT-stream events (aggregate {@code nft:<mint>}) and
 * events published without an aggregate would otherwise land in other segments. Falls back to the aggregate id.
 * Referenced by name in {@code axon.eventhandling.processors.<group>.sequencing-policy}.
 */
@Component(WalletSequencingPolicy.BEAN)
public class WalletSequencingPolicy implements SequencingPolicy<EventMessage<?>> {
    public static final String BEAN = "walletSequencingPolicy";

    @Override
    public Object getSequenceIdentifierFor(EventMessage<?> event) {
        Wallet wallet = EventWallets.primary(event.getPayload());
        if (wallet != null) {
            return wallet.base58();
        }
        if (event instanceof DomainEventMessage<?> domain) {
            return domain.getAggregateIdentifier();
        }
        return event.getIdentifier();
    }
}
