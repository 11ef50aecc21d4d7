package com.solanamafia.api.query.discrepancy;

import java.util.List;

/** A page of discrepancies. */
public record DiscrepancyPage(List<DiscrepancyView> discrepancies, String nextCursor, long readModelPosition) {
}
