package com.solanamafia.ingest.borsh;

import com.solanamafia.ingest.idl.Idl;
import com.solanamafia.ingest.idl.IdlAccount;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Account data of one IDL: 8-byte discriminator, then the account's struct. Unlike events, bytes after
 * the struct are allowed, because accounts are often allocated larger than their current content.
 */
public final class AccountCodec {
    private final LayoutTable layouts;

    AccountCodec(Idl idl, TypeCodec types) {
        List<LayoutTable.Layout> list = new ArrayList<>();
        for (IdlAccount a : idl.accounts()) {
            list.add(new LayoutTable.Layout(a.name(), a.discriminator(), types.structOf(a.name())));
        }
        layouts = new LayoutTable("account", list);
    }

    public Optional<DecodedPayload> decodeAccount(byte[] data) {
        return layouts.decode(data, true);
    }

    public byte[] encodeAccount(String name, Map<String, ?> fields) {
        return layouts.encode(name, fields);
    }
}
