package com.solanamafia.ingest.borsh;

/** Reads and writes one IDL type in its normalized form (see {@link TypeCodec}). Compiled once per IDL. */
abstract class ValueCodec {

    abstract Object read(BorshReader r);

    abstract void write(BorshWriter w, Object value);

    /** The fewest bytes an encoding can take; guards vec lengths against absurd prefixes. */
    abstract int minSize();

    abstract String describe();

    static String typeOf(Object value) {
        return value == null ? "null" : value.getClass().getSimpleName() + " " + abbreviate(value);
    }

    private static String abbreviate(Object value) {
        String s = String.valueOf(value);
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }
}
