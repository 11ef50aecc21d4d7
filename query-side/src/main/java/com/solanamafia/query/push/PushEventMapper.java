package com.solanamafia.query.push;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.solanamafia.api.business.BusinessDeactivated;
import com.solanamafia.api.business.BusinessPurchased;
import com.solanamafia.api.business.BusinessSold;
import com.solanamafia.api.business.BusinessUpgraded;
import com.solanamafia.api.business.LegacyBusinessCreated;
import com.solanamafia.api.chain.ChainFactEvent;
import com.solanamafia.api.chain.Wallet;
import com.solanamafia.api.discrepancy.ChainDiscrepancyDetected;
import com.solanamafia.api.earnings.EarningsAccrued;
import com.solanamafia.api.earnings.EarningsClaimed;
import com.solanamafia.api.nft.NftBurned;
import com.solanamafia.api.nft.NftMinted;
import com.solanamafia.api.nft.NftTransferred;
import com.solanamafia.api.nft.NftUpgraded;
import com.solanamafia.api.player.PlayerJoined;
import com.solanamafia.api.referral.ReferralBonusCredited;
import com.solanamafia.api.slot.PremiumSlotPurchased;
import com.solanamafia.api.slot.SlotUnlocked;
import com.solanamafia.api.transfer.BusinessHandedOver;
import com.solanamafia.api.transfer.BusinessTakenOver;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Turns one domain event into the channel messages it causes: the full event on the concerned wallet's
 * {@code player:} channel(s), and small change notifications on the public {@code stats:global} and
 * {@code leaderboard:<kind>} channels. Pure: no I/O, no read-model queries.
 */
public class PushEventMapper {

    /** One message before it has a seq. */
    public record ChannelMessage(String channel, String event, ObjectNode data) {
    }

    private static final Set<String> STATS_SILENT = Set.of("discrepancy.detected");

    private final ObjectMapper json;

    public PushEventMapper(ObjectMapper json) {
        this.json = json;
    }

    /** The event name clients see in the {@code event} field. */
    public static String eventName(Object event) {
        if (event instanceof PlayerJoined) return "player.joined";
        if (event instanceof BusinessPurchased) return "business.purchased";
        if (event instanceof BusinessUpgraded) return "business.upgraded";
        if (event instanceof BusinessSold) return "business.sold";
        if (event instanceof BusinessDeactivated) return "business.deactivated";
        if (event instanceof LegacyBusinessCreated) return "business.created";
        if (event instanceof BusinessHandedOver) return "business.handed-over";
        if (event instanceof BusinessTakenOver) return "business.taken-over";
        if (event instanceof EarningsAccrued) return "earnings.accrued";
        if (event instanceof EarningsClaimed) return "earnings.claimed";
        if (event instanceof NftMinted) return "nft.minted";
        if (event instanceof NftBurned) return "nft.burned";
        if (event instanceof NftUpgraded) return "nft.upgraded";
        if (event instanceof NftTransferred) return "nft.transferred";
        if (event instanceof SlotUnlocked) return "slot.unlocked";
        if (event instanceof PremiumSlotPurchased) return "slot.purchased";
        if (event instanceof ReferralBonusCredited) return "referral.bonus";
        if (event instanceof ChainDiscrepancyDetected) return "discrepancy.detected";
        // a domain event added later: "<topic package>.<SimpleName>", still delivered
        String pkg = event.getClass().getPackageName();
        return pkg.substring(pkg.lastIndexOf('.') + 1) + "." + event.getClass().getSimpleName();
    }

    public List<ChannelMessage> map(ChainFactEvent event) {
        String name = eventName(event);
        List<ChannelMessage> out = new ArrayList<>(4);
        if (event instanceof NftTransferred t) {
            ObjectNode from = json.valueToTree(t);
            from.put("direction", "out");
            out.add(new ChannelMessage(Channels.player(t.fromWallet()), name, from));
            if (!t.toWallet().equals(t.fromWallet())) {
                ObjectNode to = json.valueToTree(t);
                to.put("direction", "in");
                out.add(new ChannelMessage(Channels.player(t.toWallet()), name, to));
            }
        } else {
            Wallet wallet = walletOf(event);
            if (wallet != null) {
                out.add(new ChannelMessage(Channels.player(wallet), name, json.valueToTree(event)));
            }
        }
        if (!STATS_SILENT.contains(name)) {
            out.add(new ChannelMessage(Channels.STATS, "stats.changed", notification(event, name)));
        }
        String board = leaderboardOf(event);
        if (board != null) {
            ObjectNode data = notification(event, name);
            data.put("kind", board);
            out.add(new ChannelMessage(Channels.leaderboard(board), "leaderboard.changed", data));
        }
        return out;
    }

    /** Which leaderboard an event can move, or null. */
    static String leaderboardOf(Object event) {
        if (event instanceof EarningsAccrued || event instanceof EarningsClaimed) return "earnings";
        if (event instanceof BusinessPurchased || event instanceof BusinessUpgraded || event instanceof BusinessSold
                || event instanceof LegacyBusinessCreated) return "invested";
        if (event instanceof ReferralBonusCredited) return "referrals";
        return null;
    }

    private ObjectNode notification(ChainFactEvent event, String cause) {
        ObjectNode data = json.createObjectNode();
        data.put("cause", cause);
        Wallet wallet = event instanceof NftTransferred t ? t.toWallet() : walletOf(event);
        if (wallet != null) {
            data.put("wallet", wallet.base58());
        }
        if (event.fact() != null) {
            data.put("slot", event.fact().slot());
        }
        return data;
    }

    /** The wallet an event concerns: its {@code wallet} record component (every core-api event has one). */
    static Wallet walletOf(Object event) {
        if (event.getClass().isRecord()) {
            for (RecordComponent component : event.getClass().getRecordComponents()) {
                if (component.getName().equals("wallet") && component.getType() == Wallet.class) {
                    try {
                        return (Wallet) component.getAccessor().invoke(event);
                    } catch (ReflectiveOperationException e) {
                        return null;
                    }
                }
            }
        }
        return null;
    }
}
