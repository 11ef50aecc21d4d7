package com.solanamafia.sim.rpc;

/** An account registered in the simulator for getAccountInfo / getBalance / getMultipleAccounts. */
public record SimAccount(long lamports, String owner, byte[] data, boolean executable) {
    public SimAccount {
        data = data == null ? new byte[0] : data.clone();
    }

    @Override
    public byte[] data() {
        return data.clone();
    }
}
