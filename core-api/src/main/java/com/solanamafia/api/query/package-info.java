/**
 * Queries of the read models and the views they answer with, one package per read model. Every answer carries
 * {@code readModelPosition}: the event-store position (global index) the read model had applied when it answered.
 * List answers carry {@code nextCursor}: an opaque text to pass back for the next page, null on the last page.
 */
package com.solanamafia.api.query;
