package com.solanamafia.projections.support;

import com.solanamafia.api.chain.ChainFactEvent;
import com.solanamafia.api.chain.Wallet;
import com.solanamafia.api.nft.NftTransferred;
import com.solanamafia.api.referral.ReferralBonusCredited;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The wallets a domain event is about. Most events name one player in a {@code wallet} component; an NFT transfer
 * concerns both holders and a referral bonus both the referrer and the referred player. Found by record component
 * so events that another module adds later are covered without a change here.
 */
public final class EventWallets {
    private static final Map<Class<?>, Method> WALLET_ACCESSORS = new ConcurrentHashMap<>();
    private static final Method NONE;

    static {
        try {
            NONE = Object.class.getMethod("hashCode");
        } catch (NoSuchMethodException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private EventWallets() {
    }

    /** The wallet whose events must stay in order (the sequencing key), or null when the event names none. */
    public static Wallet primary(Object event) {
        if (event instanceof NftTransferred transfer) {
            return transfer.fromWallet();
        }
        Method accessor = WALLET_ACCESSORS.computeIfAbsent(event.getClass(), EventWallets::walletAccessor);
        if (accessor == NONE) {
            return null;
        }
        try {
            return (Wallet) accessor.invoke(event);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read the wallet of " + event.getClass().getName(), e);
        }
    }

    /** Every distinct wallet the event is about, the primary one first. */
    public static List<Wallet> all(ChainFactEvent event) {
        List<Wallet> wallets = new ArrayList<>(2);
        if (event instanceof NftTransferred transfer) {
            wallets.add(transfer.fromWallet());
            wallets.add(transfer.toWallet());
        } else if (event instanceof ReferralBonusCredited bonus) {
            wallets.add(bonus.wallet());
            wallets.add(bonus.referredPlayer());
        } else {
            Wallet wallet = primary(event);
            if (wallet != null) {
                wallets.add(wallet);
            }
        }
        return wallets.stream().filter(w -> w != null).distinct().toList();
    }

    private static Method walletAccessor(Class<?> type) {
        if (!type.isRecord()) {
            return NONE;
        }
        for (RecordComponent component : type.getRecordComponents()) {
            if (component.getName().equals("wallet") && component.getType() == Wallet.class) {
                return component.getAccessor();
            }
        }
        return NONE;
    }
}
