package com.solanamafia.query.discrepancy;

import com.solanamafia.api.chain.Wallet;
import com.solanamafia.api.query.discrepancy.DiscrepancyPage;
import com.solanamafia.api.query.discrepancy.DiscrepancyView;
import com.solanamafia.api.query.discrepancy.FindDiscrepancies;
import com.solanamafia.query.api.BadRequestException;
import com.solanamafia.query.api.ListResponse;
import com.solanamafia.query.api.Params;
import com.solanamafia.query.api.ReadModelPosition;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.regex.Pattern;

@RestController
@Tag(name = "discrepancies")
public class DiscrepancyController {
    private static final Pattern RULE = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private final QueryGateway queries;

    public DiscrepancyController(QueryGateway queries) {
        this.queries = queries;
    }

    @Operation(summary = "Chain facts that contradicted what we knew (or hit a known program bug), newest first",
            description = "Optional filters: wallet, rule (kebab-case id). limit 1..1000; cursor from page.nextCursor.")
    @GetMapping("/api/v1/discrepancies")
    public ResponseEntity<ListResponse<DiscrepancyView>> discrepancies(
            @RequestParam(required = false) String wallet,
            @RequestParam(required = false) String rule,
            @RequestParam(defaultValue = Params.DEFAULT_LIMIT) int limit,
            @RequestParam(required = false) String cursor) {
        Wallet key = wallet == null ? null : Params.key("wallet", wallet);
        if (rule != null && (rule.length() > 100 || !RULE.matcher(rule).matches())) {
            throw new BadRequestException("rule must be a kebab-case id such as player-joined-twice");
        }
        FindDiscrepancies query = new FindDiscrepancies(key, rule, Params.limit(limit), Params.numericCursor(cursor));
        DiscrepancyPage answer = queries.query(query, ResponseTypes.instanceOf(DiscrepancyPage.class)).join();
        return ReadModelPosition.ok(ListResponse.of(answer.discrepancies(), limit, answer.nextCursor()),
                answer.readModelPosition());
    }
}
