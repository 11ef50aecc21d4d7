package com.solanamafia.ingest.idl;

/** An event: its fields are those of the type with the same name. */
public record IdlEvent(String name, Discriminator discriminator) {
}
