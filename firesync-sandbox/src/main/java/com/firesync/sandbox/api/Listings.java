package com.firesync.sandbox.api;

import com.firesync.sandbox.world.LedgerTransaction;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The last few transaction listings that spanned several pages, as snapshots: a listing's first page (offset 0)
 * computes its rows, and the next pages of the same listing (same route and parameters but the offset) are cut from
 * them, so a client paging through a long history neither makes the sandbox compute every row again for each page nor
 * sees rows move between pages. Old snapshots age out.
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

    /**
     * The rows under {@code key}: computed afresh for a first page, else the snapshot when there is one; kept only
     * when they fill more than one page.
     */
    List<LedgerTransaction> get(String key, boolean firstPage, Supplier<List<LedgerTransaction>> compute,
            int pageSize) {
        if (!firstPage) {
            synchronized (entries) {
                List<LedgerTransaction> cached = entries.get(key);
                if (cached != null) {
                    return cached;
                }
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
