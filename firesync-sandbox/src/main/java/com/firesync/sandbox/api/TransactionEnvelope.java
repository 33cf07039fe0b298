package com.firesync.sandbox.api;

import com.firesync.sandbox.json.PowensJson;
import com.firesync.sandbox.world.LedgerTransaction;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One page of a transaction list in Powens' {@code DateBoundedList} envelope: the available range
 * ({@code first_date}, {@code last_date}), the range this page covers on the date the list filters on
 * ({@code result_min_date}, {@code result_max_date}, the query's bounds when the page is empty) and the
 * {@code _links}.
 */
record TransactionEnvelope(List<LedgerTransaction> matching, TransactionQuery query, LocalDate firstDate,
        LocalDate lastDate) {

    Map<String, Object> render(PowensJson json, PageLinks links) {
        List<LedgerTransaction> page = matching.subList(Math.min(query.offset(), matching.size()),
                Math.min(query.offset() + query.limit(), matching.size()));
        LocalDate min = query.minDate() == null ? firstDate : query.minDate();
        LocalDate max = query.maxDate() == null ? lastDate : query.maxDate();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("transactions", page.stream().map(json::transaction).toList());
        body.put("first_date", firstDate.toString());
        body.put("last_date", lastDate.toString());
        body.put("result_min_date", page.stream().map(query::filteredDate).min(Comparator.naturalOrder())
                .orElse(min).toString());
        body.put("result_max_date", page.stream().map(query::filteredDate).max(Comparator.naturalOrder())
                .orElse(max).toString());
        body.put("total", matching.size());
        body.put("_links", links.of(query.offset(), matching.size()));
        return body;
    }
}
