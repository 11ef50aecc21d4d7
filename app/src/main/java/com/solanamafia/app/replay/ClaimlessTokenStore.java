package com.solanamafia.app.replay;

import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;

import java.util.List;
import java.util.Optional;

/**
 * The token store of a process that must handle no event (the replay CLI). Axon builds and starts its processors all
 * the same, from the handlers the replay needs, and a pooled processor cannot be told to claim no segment; so here no
 * segment is ever available or claimable, and the processors idle. Segments can still be listed and initialized:
 * the replay's switch sets the read models' positions.
 */
final class ClaimlessTokenStore implements TokenStore {
    private final TokenStore delegate;

    ClaimlessTokenStore(TokenStore delegate) {
        this.delegate = delegate;
    }

    @Override
    public void initializeTokenSegments(String processorName, int segmentCount) {
        delegate.initializeTokenSegments(processorName, segmentCount);
    }

    @Override
    public void initializeTokenSegments(String processorName, int segmentCount, TrackingToken initialToken) {
        delegate.initializeTokenSegments(processorName, segmentCount, initialToken);
    }

    @Override
    public void storeToken(TrackingToken token, String processorName, int segment) {
        throw refused(processorName, segment);
    }

    @Override
    public TrackingToken fetchToken(String processorName, int segment) {
        throw refused(processorName, segment);
    }

    @Override
    public TrackingToken fetchToken(String processorName, Segment segment) {
        throw refused(processorName, segment.getSegmentId());
    }

    @Override
    public void extendClaim(String processorName, int segment) {
        throw refused(processorName, segment);
    }

    @Override
    public void releaseClaim(String processorName, int segment) {
        // nothing was claimed
    }

    @Override
    public void initializeSegment(TrackingToken token, String processorName, int segment) {
        delegate.initializeSegment(token, processorName, segment);
    }

    @Override
    public void deleteToken(String processorName, int segment) {
        throw refused(processorName, segment);
    }

    @Override
    public boolean requiresExplicitSegmentInitialization() {
        return delegate.requiresExplicitSegmentInitialization();
    }

    @Override
    public int[] fetchSegments(String processorName) {
        return delegate.fetchSegments(processorName);
    }

    @Override
    public List<Segment> fetchAvailableSegments(String processorName) {
        return List.of();
    }

    @Override
    public Optional<String> retrieveStorageIdentifier() {
        return delegate.retrieveStorageIdentifier();
    }

    private static UnableToClaimTokenException refused(String processorName, int segment) {
        return new UnableToClaimTokenException("This process runs no event processors: segment " + segment + " of "
                + processorName + " stays unclaimed");
    }
}
