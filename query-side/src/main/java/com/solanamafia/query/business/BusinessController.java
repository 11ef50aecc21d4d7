package com.solanamafia.query.business;

import com.solanamafia.api.chain.Wallet;
import com.solanamafia.api.query.business.BusinessView;
import com.solanamafia.api.query.business.FindPlayerBusinesses;
import com.solanamafia.api.query.business.PlayerBusinesses;
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
@Tag(name = "businesses")
public class BusinessController {
    private final QueryGateway queries;

    public BusinessController(QueryGateway queries) {
        this.queries = queries;
    }

    @Operation(summary = "A player's businesses (occupied slots), by slot index",
            description = "businessType is the IDL variant name (e.g. TobaccoShop); investedLamports is the deposit "
                    + "plus upgrade costs. limit 1..1000; cursor from page.nextCursor.")
    @GetMapping("/api/v1/players/{wallet}/businesses")
    public ResponseEntity<ListResponse<BusinessView>> businesses(
            @PathVariable String wallet,
            @RequestParam(defaultValue = Params.DEFAULT_LIMIT) int limit,
            @RequestParam(required = false) String cursor) {
        Wallet key = Params.key("wallet", wallet);
        FindPlayerBusinesses query = new FindPlayerBusinesses(key, Params.limit(limit), Params.numericCursor(cursor));
        PlayerBusinesses answer = queries.query(query, ResponseTypes.instanceOf(PlayerBusinesses.class)).join();
        if (!answer.playerKnown()) {
            throw new NotFoundException("no player with wallet " + wallet, answer.readModelPosition());
        }
        return ReadModelPosition.ok(ListResponse.of(answer.businesses(), limit, answer.nextCursor()),
                answer.readModelPosition());
    }
}
