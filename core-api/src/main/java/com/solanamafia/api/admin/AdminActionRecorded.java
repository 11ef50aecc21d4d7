package com.solanamafia.api.admin;

import java.time.Instant;

/**
 * An administrator did something through the admin API. {@code actor} is the configured token name, {@code action}
 * e.g. {@code earnings.trigger}, {@code target} what it applied to (a wallet, {@code all-due}, {@code scheduler}).
 */
public record AdminActionRecorded(String actor, String action, String target, String details, Instant at) {
}
