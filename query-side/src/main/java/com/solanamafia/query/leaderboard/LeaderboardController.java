package com.solanamafia.query.leaderboard;

import com.solanamafia.api.query.leaderboard.FindLeaderboard;
import com.solanamafia.api.query.leaderboard.Leaderboard;
import com.solanamafia.api.query.leaderboard.LeaderboardEntry;
import com.solanamafia.api.query.leaderboard.LeaderboardKind;
import com.solanamafia.query.api.ListResponse;
import com.solanamafia.query.api.NotFoundException;
import com.solanamafia.query.api.Params;
import com.solanamafia.query.api.ReadModelPosition;
import com.solanamafia.query.cache.ReadCache;
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
@Tag(name = "leaderboards")
public class LeaderboardController {
    private final QueryGateway queries;
    private final ReadCache cache;

    public LeaderboardController(QueryGateway queries, ReadCache cache) {
        this.queries = queries;
        this.cache = cache;
    }

    @Operation(summary = "A leaderboard: earnings (accrued), invested (lifetime) or referrals, best first",
            description = "Players with nothing on the board are left out; ties go to the lower wallet. "
                    + "limit 1..1000; cursor from page.nextCursor.")
    @GetMapping("/api/v1/leaderboards/{board}")
    public ResponseEntity<ListResponse<LeaderboardEntry>> leaderboard(
            @PathVariable String board,
            @RequestParam(defaultValue = "100") int limit,
            @RequestParam(required = false) String cursor) {
        LeaderboardKind kind = LeaderboardKind.parse(board);
        if (kind == null) {
            throw new NotFoundException("no leaderboard '" + board + "'; there are earnings, invested and referrals");
        }
        FindLeaderboard query = new FindLeaderboard(kind, Params.limit(limit), Params.numericCursor(cursor));
        ReadCache.Entry<Leaderboard> answer = cache.leaderboard(kind + ":" + query.limit() + ":" + query.cursor(),
                Leaderboard.class,
                () -> {
                    Leaderboard found = queries.query(query, ResponseTypes.instanceOf(Leaderboard.class)).join();
                    return new ReadCache.Entry<>(found, found.readModelPosition());
                });
        return ReadModelPosition.ok(ListResponse.of(answer.body().entries(), limit, answer.body().nextCursor()),
                answer.position());
    }
}
