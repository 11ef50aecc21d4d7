package com.solanamafia.query.activity;

import com.solanamafia.api.chain.Wallet;
import com.solanamafia.api.query.activity.ActivityItem;
import com.solanamafia.api.query.activity.ActivityPage;
import com.solanamafia.api.query.activity.FindActivity;
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
@Tag(name = "activity")
public class ActivityController {
    private final QueryGateway queries;

    public ActivityController(QueryGateway queries) {
        this.queries = queries;
    }

    @Operation(summary = "Every domain event about a player, newest first",
            description = "type is the event name (e.g. BusinessPurchased), details its fields. limit 1..1000; "
                    + "cursor from page.nextCursor (stable while new events arrive).")
    @GetMapping("/api/v1/players/{wallet}/activity")
    public ResponseEntity<ListResponse<ActivityItem>> activity(
            @PathVariable String wallet,
            @RequestParam(defaultValue = Params.DEFAULT_LIMIT) int limit,
            @RequestParam(required = false) String cursor) {
        Wallet key = Params.key("wallet", wallet);
        FindActivity query = new FindActivity(key, Params.limit(limit), Params.numericCursor(cursor));
        ActivityPage answer = queries.query(query, ResponseTypes.instanceOf(ActivityPage.class)).join();
        if (!answer.playerKnown()) {
            throw new NotFoundException("no player with wallet " + wallet, answer.readModelPosition());
        }
        return ReadModelPosition.ok(ListResponse.of(answer.items(), limit, answer.nextCursor()),
                answer.readModelPosition());
    }
}
