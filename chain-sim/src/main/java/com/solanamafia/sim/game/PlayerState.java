package com.solanamafia.sim.game;

import java.util.ArrayList;
import java.util.List;

/** One simulated player: wallet, Player PDA and the on-chain fields the rules need. */
final class PlayerState {
    final int index;
    final String wallet;
    final String pda;
    boolean created;
    String referrer;
    final List<Slot> slots = new ArrayList<>();
    long pending;
    long pendingReferral;
    long nextEarningsTime;
    long totalInvested;
    long totalEarned;

    static final class Slot {
        final int type;
        boolean unlocked;
        boolean paid;
        BusinessState business;

        Slot(int type, boolean unlocked) {
            this.type = type;
            this.unlocked = unlocked;
        }
    }

    PlayerState(int index, String wallet, String pda) {
        this.index = index;
        this.wallet = wallet;
        this.pda = pda;
    }

    int freeSlot() {
        for (int i = 0; i < slots.size(); i++) {
            if (slots.get(i).unlocked && slots.get(i).business == null) {
                return i;
            }
        }
        return -1;
    }

    List<Integer> freeSlots() {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < slots.size(); i++) {
            if (slots.get(i).unlocked && slots.get(i).business == null) {
                out.add(i);
            }
        }
        return out;
    }

    int lockedSlot() {
        for (int i = 0; i < slots.size(); i++) {
            if (!slots.get(i).unlocked) {
                return i;
            }
        }
        return -1;
    }

    int activeBusinesses() {
        int n = 0;
        for (Slot s : slots) {
            if (s.business != null && s.business.active) {
                n++;
            }
        }
        return n;
    }
}
