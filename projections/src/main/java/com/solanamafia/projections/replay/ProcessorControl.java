package com.solanamafia.projections.replay;

/**
 * Stops and starts this instance's event processor of a read model. Implemented over Axon's processors in the app;
 * only ever called with names from {@link ReplayableProjections}.
 */
public interface ProcessorControl {
    /** Stops the processor and waits until it has released its segments; true if it was running. */
    boolean stop(String processingGroup);

    void start(String processingGroup);

    boolean isRunning(String processingGroup);
}
