package com.solanamafia.ingest.borsh;

import java.util.ArrayList;
import java.util.List;

/** array, vec and option of another type, plus the forward reference that recursive types need. */
final class ContainerCodecs {
    private ContainerCodecs() {
    }

    static final class ArrayCodec extends ValueCodec {
        private final ValueCodec element;
        private final int length;

        ArrayCodec(ValueCodec element, int length) {
            this.element = element;
            this.length = length;
        }

        @Override
        Object read(BorshReader r) {
            List<Object> out = new ArrayList<>(length);
            for (int i = 0; i < length; i++) {
                try {
                    out.add(element.read(r));
                } catch (DecodeException e) {
                    throw e.within("[" + i + "]");
                }
            }
            return out;
        }

        @Override
        void write(BorshWriter w, Object value) {
            List<?> list = list(value, describe());
            if (list.size() != length) {
                throw new EncodeException(describe() + " needs exactly " + length + " elements, got " + list.size());
            }
            writeAll(w, element, list);
        }

        @Override
        int minSize() {
            return element.minSize() * length;
        }

        @Override
        String describe() {
            return "[" + element.describe() + "; " + length + "]";
        }
    }

    static final class VecCodec extends ValueCodec {
        private final ValueCodec element;

        VecCodec(ValueCodec element) {
            this.element = element;
        }

        @Override
        Object read(BorshReader r) {
            int at = r.position();
            long n = r.u32();
            int min = Math.max(element.minSize(), 1);
            if (n * min > r.remaining()) {
                throw new DecodeException("vec length " + n + " at offset " + at + " cannot fit in the " + r.remaining()
                        + " bytes left");
            }
            List<Object> out = new ArrayList<>((int) n);
            for (int i = 0; i < n; i++) {
                try {
                    out.add(element.read(r));
                } catch (DecodeException e) {
                    throw e.within("[" + i + "]");
                }
            }
            return out;
        }

        @Override
        void write(BorshWriter w, Object value) {
            List<?> list = list(value, describe());
            w.u32(list.size());
            writeAll(w, element, list);
        }

        @Override
        int minSize() {
            return 4;
        }

        @Override
        String describe() {
            return "vec<" + element.describe() + ">";
        }
    }

    static final class OptionCodec extends ValueCodec {
        private final ValueCodec element;

        OptionCodec(ValueCodec element) {
            this.element = element;
        }

        @Override
        Object read(BorshReader r) {
            return r.optionTag() ? element.read(r) : null;
        }

        @Override
        void write(BorshWriter w, Object value) {
            if (value == null) {
                w.u8(0);
            } else {
                w.u8(1);
                element.write(w, value);
            }
        }

        @Override
        int minSize() {
            return 1;
        }

        @Override
        String describe() {
            return "option<" + element.describe() + ">";
        }
    }

    /** Stands in for a defined type while it is being compiled, so a type can contain itself. */
    static final class ForwardCodec extends ValueCodec {
        private final String name;
        private ValueCodec target;

        ForwardCodec(String name) {
            this.name = name;
        }

        void resolve(ValueCodec target) {
            this.target = target;
        }

        @Override
        Object read(BorshReader r) {
            return target.read(r);
        }

        @Override
        void write(BorshWriter w, Object value) {
            target.write(w, value);
        }

        @Override
        int minSize() {
            return 0; // unknown while compiling; only a recursive type reaches here
        }

        @Override
        String describe() {
            return name;
        }
    }

    private static List<?> list(Object value, String type) {
        if (value instanceof List<?> l) {
            return l;
        }
        throw new EncodeException(type + " must be a list, got " + ValueCodec.typeOf(value));
    }

    private static void writeAll(BorshWriter w, ValueCodec element, List<?> list) {
        for (int i = 0; i < list.size(); i++) {
            try {
                element.write(w, list.get(i));
            } catch (EncodeException e) {
                throw e.within("[" + i + "]");
            }
        }
    }
}
