package com.solanamafia.query.player;

import com.solanamafia.api.query.player.PlayerView;
import com.solanamafia.query.api.NotFoundException;
import com.solanamafia.query.api.Params;
import com.solanamafia.query.api.ReadModelPosition;
import com.solanamafia.query.cache.ReadCache;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/players")
@Tag(name = "players")
public class PlayerController {
    private final PlayerReads players;

    public PlayerController(PlayerReads players) {
        this.players = players;
    }

    /** Its 200 answers are mostly served by {@link DirectPlayerReads}, without Spring MVC; the rest come here. */
    @Operation(summary = "A player's summary",
            description = "Lamport amounts are decimal strings; times ISO-8601 UTC. 400 for a malformed wallet, 404 "
                    + "for a wallet no event has named yet. X-Read-Model-Position: the player summary's position.")
    @GetMapping("/{wallet}")
    public ResponseEntity<PlayerView> player(@PathVariable String wallet) {
        ReadCache.Entry<PlayerView> answer = players.find(Params.key("wallet", wallet));
        if (answer.body() == null) {
            throw new NotFoundException("no player with wallet " + wallet, answer.position());
        }
        return ReadModelPosition.ok(answer.body(), answer.position());
    }
}
