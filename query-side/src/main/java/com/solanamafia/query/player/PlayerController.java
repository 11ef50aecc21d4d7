package com.solanamafia.query.player;

import com.solanamafia.api.chain.Wallet;
import com.solanamafia.api.player.FindPlayerSummary;
import com.solanamafia.api.player.PlayerSummary;
import com.solanamafia.query.api.NotFoundException;
import com.solanamafia.query.api.ReadModelPosition;
import io.swagger.v3.oas.annotations.Operation;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Optional;

@RestController
@RequestMapping("/api/v1/players")
public class PlayerController {
    private final QueryGateway queries;

    public PlayerController(QueryGateway queries) {
        this.queries = queries;
    }

    @Operation(summary = "A player's summary", description = "Lamport amounts are decimal strings; times ISO-8601 UTC.")
    @GetMapping("/{wallet}")
    public ResponseEntity<PlayerSummary> player(@PathVariable String wallet) {
        Wallet key = Wallet.of(wallet);
        Optional<PlayerSummary> summary = queries.query(new FindPlayerSummary(key),
                ResponseTypes.optionalInstanceOf(PlayerSummary.class)).join();
        PlayerSummary found = summary.orElseThrow(() -> new NotFoundException("no player with wallet " + wallet));
        return ResponseEntity.ok().header(ReadModelPosition.HEADER, Long.toString(found.eventPosition())).body(found);
    }
}
