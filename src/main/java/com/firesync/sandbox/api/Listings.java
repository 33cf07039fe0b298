package com.firesync.sandbox.api;

import com.firesync.sandbox.world.LedgerTransaction;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The last few transaction listings that spanned several pages, so that a client paging through a long history does
 * not make the sandbox compute every row again for each page. A key holds everything the rows depend on (route,
 * parameters but the offset, day, each connection's data instant), so an entry never goes stale: it ages out.
 */
final class Listings {

    private final Map<String, List<LedgerTransaction>> entries;

    Listings(int size) {
        this.entries = new LinkedHashMap<>(size, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, List<LedgerTransaction>> eldest) {
                return size() > size;
            }
        };
    }

    /** The rows under {@code key}, computed when absent; kept only when they fill more than one page. */
    List<LedgerTransaction> get(String key, Supplier<List<LedgerTransaction>> compute, int pageSize) {
        synchronized (entries) {
            List<LedgerTransaction> cached = entries.get(key);
            if (cached != null) {
                return cached;
            }
        }
        List<LedgerTransaction> rows = List.copyOf(compute.get());
        if (rows.size() > pageSize) {
            synchronized (entries) {
                entries.put(key, rows);
            }
        }
        return rows;
    }
}
