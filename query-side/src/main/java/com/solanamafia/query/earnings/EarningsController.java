package com.solanamafia.query.earnings;

import com.solanamafia.api.chain.Wallet;
import com.solanamafia.api.query.earnings.EarningsBucket;
import com.solanamafia.api.query.earnings.EarningsPeriod;
import com.solanamafia.api.query.earnings.EarningsSeries;
import com.solanamafia.api.query.earnings.FindEarnings;
import com.solanamafia.query.api.BadRequestException;
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

import java.time.LocalDate;

@RestController
@Tag(name = "earnings")
public class EarningsController {
    private final QueryGateway queries;

    public EarningsController(QueryGateway queries) {
        this.queries = queries;
    }

    @Operation(summary = "A player's earnings accrued and claimed per day, ISO week or month (UTC), oldest first",
            description = "period=daily|weekly|monthly (default daily); from/to are ISO dates (yyyy-MM-dd), "
                    + "inclusive, filtering by the UTC day of each accrual or claim. limit 1..1000 periods.")
    @GetMapping("/api/v1/players/{wallet}/earnings")
    public ResponseEntity<ListResponse<EarningsBucket>> earnings(
            @PathVariable String wallet,
            @RequestParam(defaultValue = "daily") String period,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(defaultValue = Params.DEFAULT_LIMIT) int limit,
            @RequestParam(required = false) String cursor) {
        Wallet key = Params.key("wallet", wallet);
        EarningsPeriod bucket = EarningsPeriod.parse(period);
        if (bucket == null) {
            throw new BadRequestException("period must be daily, weekly or monthly");
        }
        LocalDate fromDate = Params.date("from", from);
        LocalDate toDate = Params.date("to", to);
        if (fromDate != null && toDate != null && fromDate.isAfter(toDate)) {
            throw new BadRequestException("from (" + fromDate + ") is after to (" + toDate + ")");
        }
        FindEarnings query = new FindEarnings(key, bucket, fromDate, toDate, Params.limit(limit),
                Params.dateCursor(cursor));
        EarningsSeries answer = queries.query(query, ResponseTypes.instanceOf(EarningsSeries.class)).join();
        if (!answer.playerKnown()) {
            throw new NotFoundException("no player with wallet " + wallet, answer.readModelPosition());
        }
        return ReadModelPosition.ok(ListResponse.of(answer.buckets(), limit, answer.nextCursor()),
                answer.readModelPosition());
    }
}
