package com.solanamafia.app.earnings;

import com.solanamafia.api.admin.AdminActionRecorded;
import com.solanamafia.api.chain.Wallet;
import com.solanamafia.command.earnings.ChainClock;
import com.solanamafia.command.earnings.store.JdbcEarningsStore;
import com.solanamafia.command.earnings.submission.EarningsSubmitter;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Admin API of the earnings automation (bearer token: admin:read for GET, admin:write for POST). Every POST is
 * recorded as AdminActionRecorded with the token's name as actor.
 */
@RestController
@RequestMapping("/api/v1/admin/earnings")
public class EarningsAdminController {
    private final JdbcEarningsStore store;
    private final EarningsSubmitter submitter;
    private final ChainClock clock;
    private final EventGateway events;
    private final TransactionTemplate tx;

    public EarningsAdminController(JdbcEarningsStore store, EarningsSubmitter submitter, ChainClock clock, EventGateway events,
                                   PlatformTransactionManager transactions) {
        this.store = store;
        this.submitter = submitter;
        this.clock = clock;
        this.events = events;
        this.tx = new TransactionTemplate(transactions);
    }

    @GetMapping("/status")
    public Map<String, Object> status() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("paused", store.paused());
        out.put("operator", submitter.operatorPublicKey());
        out.put("instruction", submitter.instructions().instructionName());
        out.put("programId", submitter.instructions().programId());
        out.put("chainNow", clock.chainNow());
        out.put("requests", store.counts());
        out.put("submitter", submitter.stats());
        return out;
    }

    @PostMapping("/players/{wallet}/trigger")
    public ResponseEntity<Map<String, Object>> triggerOne(@PathVariable String wallet, Authentication who) {
        Wallet w = Wallet.of(wallet);
        Map<String, Object> out = tx.execute(t -> {
            Instant due = trigger(w, "admin:" + who.getName());
            events.publish(new AdminActionRecorded(who.getName(), "earnings.trigger", wallet, "window " + due, Instant.now()));
            return Map.<String, Object>of("wallet", wallet, "dueAt", due.toString());
        });
        return ResponseEntity.accepted().body(out);
    }

    @PostMapping("/trigger-due")
    public ResponseEntity<Map<String, Object>> triggerDue(@RequestParam(defaultValue = "1000") int limit, Authentication who) {
        List<String> wallets = tx.execute(t -> {
            List<String> triggered = new ArrayList<>();
            for (JdbcEarningsStore.ScheduleRow row : store.dueNow(clock.chainNow(), limit)) {
                trigger(Wallet.of(row.wallet()), "admin:" + who.getName());
                triggered.add(row.wallet());
            }
            events.publish(new AdminActionRecorded(who.getName(), "earnings.trigger-due", "all-due", triggered.size() + " player(s)", Instant.now()));
            return triggered;
        });
        return ResponseEntity.accepted().body(Map.of("triggered", wallets.size(), "wallets", wallets));
    }

    /** What would be sent now for the given wallets (or every due player): nothing is signed or sent. */
    @GetMapping("/dry-run")
    public Map<String, Object> dryRun(@RequestParam(required = false) List<String> wallet, @RequestParam(defaultValue = "100") int limit) {
        List<String> wallets = wallet != null && !wallet.isEmpty() ? wallet.stream().map(w -> Wallet.of(w).base58()).toList()
                : store.dueNow(clock.chainNow(), limit).stream().map(JdbcEarningsStore.ScheduleRow::wallet).toList();
        return Map.of("chainNow", clock.chainNow().toString(), "batches", submitter.dryRun(wallets));
    }

    @PostMapping("/pause")
    public Map<String, Object> pause(Authentication who) {
        return setPaused(true, who);
    }

    @PostMapping("/resume")
    public Map<String, Object> resume(Authentication who) {
        return setPaused(false, who);
    }

    @GetMapping("/runs")
    public List<JdbcEarningsStore.Request> runs(@RequestParam(required = false) String state, @RequestParam(defaultValue = "100") int limit) {
        return store.requests(state == null ? null : state.toUpperCase(), Math.min(limit, 1000));
    }

    @GetMapping("/failures")
    public List<JdbcEarningsStore.Attempt> failures(@RequestParam(required = false) String wallet, @RequestParam(defaultValue = "100") int limit) {
        return store.attempts("FAILED", wallet == null ? null : Wallet.of(wallet), Math.min(limit, 1000));
    }

    @GetMapping("/retries")
    public List<JdbcEarningsStore.Attempt> retries(@RequestParam(required = false) String wallet, @RequestParam(defaultValue = "100") int limit) {
        return store.attempts("REQUEUED", wallet == null ? null : Wallet.of(wallet), Math.min(limit, 1000));
    }

    @GetMapping("/schedule")
    public List<JdbcEarningsStore.ScheduleRow> schedule(@RequestParam(defaultValue = "100") int limit) {
        return store.schedules(Math.min(limit, 1000));
    }

    @GetMapping("/players/{wallet}")
    public Map<String, Object> player(@PathVariable String wallet) {
        Wallet w = Wallet.of(wallet);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("schedule", store.schedule(w).orElse(null));
        out.put("requests", store.requestsOf(w));
        out.put("attempts", store.attempts(null, w, 100));
        return out;
    }

    private Map<String, Object> setPaused(boolean paused, Authentication who) {
        tx.executeWithoutResult(t -> {
            store.setPaused(paused, who.getName());
            events.publish(new AdminActionRecorded(who.getName(), paused ? "earnings.pause" : "earnings.resume", "scheduler", null, Instant.now()));
        });
        return Map.of("paused", paused);
    }

    /** Requests the player's current window now (attempt numbers continue where they are). */
    private Instant trigger(Wallet wallet, String trigger) {
        Instant due = store.schedule(wallet).map(JdbcEarningsStore.ScheduleRow::dueAt).orElse(null);
        if (due == null) {
            due = clock.chainNow();
        }
        Instant window = due;
        int attempt = store.requestsOf(wallet).stream().filter(r -> r.dueAt().equals(window)).mapToInt(r -> r.attempt() + 1).max().orElse(0);
        store.request(wallet, window, attempt, trigger);
        return window;
    }
}
