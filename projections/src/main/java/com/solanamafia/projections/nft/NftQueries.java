package com.solanamafia.projections.nft;

import com.solanamafia.api.chain.Wallet;
import com.solanamafia.api.query.nft.FindNft;
import com.solanamafia.api.query.nft.FindPlayerNfts;
import com.solanamafia.api.query.nft.NftAnswer;
import com.solanamafia.api.query.nft.NftView;
import com.solanamafia.api.query.nft.PlayerNfts;
import com.solanamafia.projections.jooq.tables.records.NftRecord;
import com.solanamafia.projections.support.KnownPlayers;
import com.solanamafia.projections.support.Lamport;
import com.solanamafia.projections.support.ProjectionPositions;
import com.solanamafia.projections.support.Times;
import org.axonframework.queryhandling.QueryHandler;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

import java.util.List;

import static com.solanamafia.projections.jooq.Tables.NFT;
import static com.solanamafia.projections.jooq.Tables.NFT_OWNERSHIP;

@Component
public class NftQueries {
    private final DSLContext db;
    private final ProjectionPositions positions;
    private final KnownPlayers players;

    public NftQueries(DSLContext db, ProjectionPositions positions, KnownPlayers players) {
        this.db = db;
        this.positions = positions;
        this.players = players;
    }

    @QueryHandler
    public NftAnswer handle(FindNft query) {
        long position = positions.positionOf(NftProjection.NAME);
        NftRecord row = db.selectFrom(NFT).where(NFT.MINT.eq(query.mint().base58())).fetchOne();
        if (row == null) {
            return new NftAnswer(null, position);
        }
        List<NftView.OwnershipChange> history = db.selectFrom(NFT_OWNERSHIP)
                .where(NFT_OWNERSHIP.MINT.eq(row.getMint()))
                .orderBy(NFT_OWNERSHIP.EVENT_POSITION)
                .fetch(h -> new NftView.OwnershipChange(h.getKind(), wallet(h.getFromWallet()), wallet(h.getToWallet()),
                        h.getSignature(), h.getSlot(), Times.instant(h.getOccurredAt()), h.getEventPosition()));
        return new NftAnswer(view(row, history), position);
    }

    @QueryHandler
    public PlayerNfts handle(FindPlayerNfts query) {
        long position = positions.positionOf(NftProjection.NAME);
        long before = Lamport.cursorOr(query.cursor(), Long.MAX_VALUE);
        List<NftRecord> rows = db.selectFrom(NFT)
                .where(NFT.OWNER_WALLET.eq(query.wallet().base58()))
                .and(NFT.FIRST_POSITION.lt(before))
                .orderBy(NFT.FIRST_POSITION.desc())
                .limit(query.limit() + 1)
                .fetch();
        boolean more = rows.size() > query.limit();
        List<NftRecord> page = rows.subList(0, Math.min(rows.size(), query.limit()));
        String next = more ? Long.toString(page.get(page.size() - 1).getFirstPosition()) : null;
        boolean known = !page.isEmpty() || players.known(query.wallet());
        return new PlayerNfts(known, page.stream().map(r -> view(r, null)).toList(), next, position);
    }

    static NftView view(NftRecord row, List<NftView.OwnershipChange> history) {
        return new NftView(
                Wallet.of(row.getMint()),
                wallet(row.getOwnerWallet()),
                row.getBusinessType(),
                row.getBusinessTypeCode(),
                row.getUpgradeLevel(),
                row.getSerialNumber() == null ? null : row.getSerialNumber().toString(),
                Lamport.orNull(row.getInvestedLamports()),
                row.getDailyRateBp(),
                row.getStatus(),
                Times.instant(row.getMintedAt()),
                Times.instant(row.getBurnedAt()),
                history);
    }

    private static Wallet wallet(String base58) {
        return base58 == null ? null : Wallet.of(base58);
    }
}
