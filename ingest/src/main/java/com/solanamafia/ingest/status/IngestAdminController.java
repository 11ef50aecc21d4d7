package com.solanamafia.ingest.status;

import com.solanamafia.ingest.pipeline.Checkpoint;
import com.solanamafia.ingest.pipeline.IngestProgress;
import com.solanamafia.ingest.pipeline.IngestStore;
import com.solanamafia.ingest.quarantine.QuarantineItem;
import com.solanamafia.ingest.quarantine.QuarantineReprocessor;
import com.solanamafia.ingest.quarantine.QuarantineStore;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.util.ArrayList;
import java.util.List;

/** Ingestion status and the quarantine, for operators. */
@RestController
@RequestMapping("/api/v1/admin/ingest")
public class IngestAdminController {
    private final IngestProgress progress;
    private final IngestStore store;
    private final QuarantineStore quarantine;
    private final QuarantineReprocessor reprocessor;
    private final IngestStatusSource source;

    public IngestAdminController(IngestProgress progress, IngestStore store, QuarantineStore quarantine,
                                 QuarantineReprocessor reprocessor, IngestStatusSource source) {
        this.progress = progress;
        this.store = store;
        this.quarantine = quarantine;
        this.reprocessor = reprocessor;
        this.source = source;
    }

    public record Status(String programId, String commitment, String rpcUrl, IngestProgress.Snapshot progress,
                         Checkpoint checkpoint, long quarantineOpen) {
    }

    @GetMapping("/status")
    public Status status() {
        return new Status(source.programId(), source.commitment(), source.rpcUrl(), progress.snapshot(),
                store.checkpoint(source.programId()).orElse(null), quarantine.countOpen());
    }

    @GetMapping("/quarantine")
    public List<QuarantineItem> quarantine(@RequestParam(required = false) String status,
                                           @RequestParam(defaultValue = "0") long after,
                                           @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > 1000) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "limit must be between 1 and 1000");
        }
        return quarantine.list(status, after, limit);
    }

    @PostMapping("/quarantine/{id}/reprocess")
    public QuarantineReprocessor.Outcome reprocess(@PathVariable long id) {
        if (quarantine.find(id).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no quarantine item " + id);
        }
        return reprocessor.reprocess(id);
    }

    @PostMapping("/quarantine/reprocess")
    public List<QuarantineReprocessor.Outcome> reprocessAll() {
        List<QuarantineReprocessor.Outcome> outcomes = new ArrayList<>();
        long after = 0;
        List<QuarantineItem> page;
        do {
            page = quarantine.list("open", after, 500);
            for (QuarantineItem item : page) {
                outcomes.add(reprocessor.reprocess(item.id()));
                after = item.id();
            }
        } while (page.size() == 500);
        return outcomes;
    }

    /** What the status shows about the source, without exposing credentials in the URL. */
    public record IngestStatusSource(String programId, String commitment, String rpcUrl) {
    }
}
