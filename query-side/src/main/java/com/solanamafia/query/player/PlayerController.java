package com.solanamafia.query.player;

import com.solanamafia.api.chain.Wallet;
import com.solanamafia.api.query.player.FindPlayer;
import com.solanamafia.api.query.player.PlayerAnswer;
import com.solanamafia.api.query.player.PlayerFinder;
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
    private final PlayerFinder players;
    private final ReadCache cache;

    /** The player finder, not the query gateway: this is the API's hottest read (see {@link PlayerFinder}). */
    public PlayerController(PlayerFinder players, ReadCache cache) {
        this.players = players;
        this.cache = cache;
    }

    @Operation(summary = "A player's summary",
            description = "Lamport amounts are decimal strings; times ISO-8601 UTC. 400 for a malformed wallet, 404 "
                    + "for a wallet no event has named yet. X-Read-Model-Position: the player summary's position.")
    @GetMapping("/{wallet}")
    public ResponseEntity<PlayerView> player(@PathVariable String wallet) {
        Wallet key = Params.key("wallet", wallet);
        ReadCache.Entry<PlayerView> answer = cache.player(key.base58(), PlayerView.class, () -> {
            PlayerAnswer found = players.find(new FindPlayer(key));
            return new ReadCache.Entry<>(found.player(), found.readModelPosition());
        });
        if (answer.body() == null) {
            throw new NotFoundException("no player with wallet " + wallet, answer.position());
        }
        return ReadModelPosition.ok(answer.body(), answer.position());
    }
}
