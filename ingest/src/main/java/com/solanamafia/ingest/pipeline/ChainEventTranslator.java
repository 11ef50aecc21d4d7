package com.solanamafia.ingest.pipeline;

import com.solanamafia.api.chain.ChainFact;
import com.solanamafia.ingest.idl.Idl;
import com.solanamafia.ingest.logs.DecodedEvent;

/** Turns a decoded program event into the chain-fact command the command side handles. */
public interface ChainEventTranslator {

    /**
     * @param idl the program version that decoded the event
     * @throws UnmappableEventException when the event cannot become a command (it is quarantined)
     */
    Object toCommand(DecodedEvent event, ChainFact fact, Idl idl);

    class UnmappableEventException extends RuntimeException {
        public UnmappableEventException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
