package com.firesync.ledger;

/**
 * What a write did to the ledger's transactions.
 *
 * @param added rows that did not exist
 * @param updated existing rows that changed
 * @param removed rows newly marked deleted
 */
public record WriteCounts(int added, int updated, int removed) {

    public static final WriteCounts NONE = new WriteCounts(0, 0, 0);

    public WriteCounts plus(WriteCounts other) {
        return new WriteCounts(added + other.added, updated + other.updated, removed + other.removed);
    }

    public int total() {
        return added + updated + removed;
    }
}
