package com.solanamafia.query.stats;

import com.solanamafia.api.query.stats.FindGlobalStats;
import com.solanamafia.api.query.stats.GlobalStats;
import com.solanamafia.api.query.stats.GlobalStatsAnswer;
import com.solanamafia.query.api.ReadModelPosition;
import com.solanamafia.query.cache.ReadCache;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "stats")
public class StatsController {
    private final QueryGateway queries;
    private final ReadCache cache;

    public StatsController(QueryGateway queries, ReadCache cache) {
        this.queries = queries;
        this.cache = cache;
    }

    @Operation(summary = "Game-wide totals",
            description = "players, businesses, invested (current and lifetime), entry fees, slot spend, earnings "
                    + "accrued and claimed, sell returns, referral bonus, NFTs, discrepancies.")
    @GetMapping("/api/v1/stats/global")
    public ResponseEntity<GlobalStats> global() {
        ReadCache.Entry<GlobalStats> answer = cache.stats(GlobalStats.class, () -> {
            GlobalStatsAnswer found = queries.query(new FindGlobalStats(),
                    ResponseTypes.instanceOf(GlobalStatsAnswer.class)).join();
            return new ReadCache.Entry<>(found.stats(), found.readModelPosition());
        });
        return ReadModelPosition.ok(answer.body(), answer.position());
    }
}
