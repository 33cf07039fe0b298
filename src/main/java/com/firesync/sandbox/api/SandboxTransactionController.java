package com.firesync.sandbox.api;

import com.firesync.sandbox.ConditionalOnSandbox;
import com.firesync.sandbox.json.PowensJson;
import com.firesync.sandbox.world.Clocks;
import com.firesync.sandbox.world.LedgerTransaction;
import com.firesync.sandbox.world.SandboxConnection;
import com.firesync.sandbox.world.SandboxUser;
import com.firesync.sandbox.world.SandboxWorld;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongPredicate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * Transaction lists in Powens' date-bounded envelope, paged with {@code _links}. A first page (no offset) counts as a
 * sync for the {@code sca} scenario; {@code malformed} and {@code truncated} corrupt some pages.
 */
@RestController
@RequestMapping("/sandbox/2.0/users/me")
@ConditionalOnSandbox
class SandboxTransactionController {

    private final SandboxWorld world;

    private final PowensJson json;

    private final JsonMapper mapper;

    SandboxTransactionController(SandboxWorld world, PowensJson json, JsonMapper mapper) {
        this.world = world;
        this.json = json;
        this.mapper = mapper;
    }

    @GetMapping("/transactions")
    void all(SandboxUser user, HttpServletRequest request, HttpServletResponse response) throws IOException {
        list(user, world.connections(user), id -> true, request, response);
    }

    @GetMapping("/accounts/{accountId}/transactions")
    void ofAccount(SandboxUser user, @PathVariable long accountId, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        SandboxConnection connection = world.connection(accountId / 10)
                .filter(c -> c.userId() == user.id() && c.accountIds().contains(accountId))
                .orElseThrow(() -> PowensError.notFound("Account"));
        list(user, List.of(connection), id -> id == accountId, request, response);
    }

    private void list(SandboxUser user, List<SandboxConnection> connections, LongPredicate account,
            HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (connections.isEmpty()) {
            throw new PowensError(org.springframework.http.HttpStatus.BAD_REQUEST, "noAccount",
                    "No bank account is available.");
        }
        Instant now = world.now();
        LocalDate today = Clocks.parisDate(now);
        var query = TransactionQuery.parse(request.getParameterMap(), today);
        List<LedgerTransaction> rows = new ArrayList<>();
        LocalDate firstDate = today;
        for (SandboxConnection connection : connections) {
            if (query.offset() == 0) {
                connection.read(now);
            }
            firstDate = min(firstDate, world.firstDay(connection));
            for (LedgerTransaction row : rows(connection, query, now)) {
                if (account.test(row.accountId()) && query.matches(row)) {
                    rows.add(row);
                }
            }
        }
        rows.sort(SandboxWorld.NEWEST_FIRST);
        List<LedgerTransaction> page = rows.subList(Math.min(query.offset(), rows.size()),
                Math.min(query.offset() + query.limit(), rows.size()));
        var links = new PageLinks(request.getRequestURI(), request.getQueryString(), query.limit());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("transactions", page.stream().map(json::transaction).toList());
        body.put("first_date", firstDate.toString());
        body.put("last_date", today.toString());
        body.put("result_min_date", page.stream().map(LedgerTransaction::date).min(Comparator.naturalOrder())
                .orElse(query.minDate() == null ? firstDate : query.minDate()).toString());
        body.put("result_max_date", page.stream().map(LedgerTransaction::date).max(Comparator.naturalOrder())
                .orElse(query.maxDate() == null ? today : query.maxDate()).toString());
        body.put("total", rows.size());
        body.put("_links", links.of(query.offset(), rows.size()));
        PageWriter.write(mapper.writeValueAsBytes(body), request, response);
    }

    private List<LedgerTransaction> rows(SandboxConnection connection, TransactionQuery query, Instant now) {
        Instant dataAt = connection.dataInstant(now);
        LocalDate from = world.firstDay(connection);
        if (query.minDate() != null) {
            // a row's bank date is at most a few days after its operation day
            from = max(from, query.byBankDate() ? query.minDate().minusDays(7) : query.minDate());
        }
        if (query.lastUpdate() != null) {
            from = max(from, world.firstDayChangedAfter(connection, query.lastUpdate()));
        }
        LocalDate to = query.maxDate() == null || query.byBankDate() ? Clocks.parisDate(dataAt) : query.maxDate();
        return world.transactions(connection, dataAt, from, to);
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
