package com.solanamafia.ingest.idl;

/** An account type of the program: its layout is the type with the same name. */
public record IdlAccount(String name, Discriminator discriminator) {
}
