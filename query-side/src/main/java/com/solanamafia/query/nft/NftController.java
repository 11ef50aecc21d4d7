package com.solanamafia.query.nft;

import com.solanamafia.api.chain.Wallet;
import com.solanamafia.api.query.nft.FindNft;
import com.solanamafia.api.query.nft.FindPlayerNfts;
import com.solanamafia.api.query.nft.NftAnswer;
import com.solanamafia.api.query.nft.NftView;
import com.solanamafia.api.query.nft.PlayerNfts;
import com.solanamafia.query.api.ListResponse;
import com.solanamafia.query.api.NotFoundException;
import com.solanamafia.query.api.Params;
import com.solanamafia.query.api.ReadModelPosition;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "nfts")
public class NftController {
    private final QueryGateway queries;

    public NftController(QueryGateway queries) {
        this.queries = queries;
    }

    @Operation(summary = "A business NFT with its ownership history (cb08020 NFTs)",
            description = "status ACTIVE or BURNED; history oldest first. 400 for a malformed mint, 404 for unknown.")
    @GetMapping("/api/v1/nfts/{mint}")
    public ResponseEntity<NftView> nft(@PathVariable String mint) {
        Wallet key = Params.key("mint", mint);
        NftAnswer answer = queries.query(new FindNft(key), ResponseTypes.instanceOf(NftAnswer.class)).join();
        if (answer.nft() == null) {
            throw new NotFoundException("no NFT with mint " + mint, answer.readModelPosition());
        }
        return ReadModelPosition.ok(answer.nft(), answer.readModelPosition());
    }

    @Operation(summary = "The business NFTs a player holds or last held (burned ones included), newest first",
            description = "limit 1..1000; cursor from page.nextCursor.")
    @GetMapping("/api/v1/players/{wallet}/nfts")
    public ResponseEntity<ListResponse<NftView>> playerNfts(
            @PathVariable String wallet,
            @RequestParam(defaultValue = Params.DEFAULT_LIMIT) int limit,
            @RequestParam(required = false) String cursor) {
        Wallet key = Params.key("wallet", wallet);
        FindPlayerNfts query = new FindPlayerNfts(key, Params.limit(limit), Params.numericCursor(cursor));
        PlayerNfts answer = queries.query(query, ResponseTypes.instanceOf(PlayerNfts.class)).join();
        if (!answer.playerKnown()) {
            throw new NotFoundException("no player with wallet " + wallet, answer.readModelPosition());
        }
        return ReadModelPosition.ok(ListResponse.of(answer.nfts(), limit, answer.nextCursor()),
                answer.readModelPosition());
    }
}
