package com.solanamafia.projections.support;

import com.solanamafia.api.chain.ChainFactEvent;
import com.solanamafia.api.chain.Wallet;
import org.axonframework.eventhandling.EventMessage;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The wallets (base58) a batch of events is about: the keys a buffered read model reads its rows by. */
public final class BatchWallets {
    private BatchWallets() {
    }

    public static Set<String> of(List<? extends EventMessage<?>> batch) {
        Set<String> wallets = new LinkedHashSet<>();
        for (EventMessage<?> message : batch) {
            if (message.getPayload() instanceof ChainFactEvent event) {
                for (Wallet wallet : EventWallets.all(event)) {
                    wallets.add(wallet.base58());
                }
            }
        }
        return wallets;
    }

    public static String[] array(Set<String> wallets) {
        return wallets.toArray(String[]::new);
    }
}
