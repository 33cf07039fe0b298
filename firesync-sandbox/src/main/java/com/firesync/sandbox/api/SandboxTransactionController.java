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

    private final Listings listings = new Listings(16);

    SandboxTransactionController(SandboxWorld world, PowensJson json, JsonMapper mapper) {
        this.world = world;
        this.json = json;
        this.mapper = mapper;
    }

    @GetMapping("/transactions")
    void all(SandboxUser user, HttpServletRequest request, HttpServletResponse response) throws IOException {
        list(world.connections(user), id -> true, request, response);
    }

    @GetMapping("/connections/{connectionId}/transactions")
    void ofConnection(SandboxUser user, @PathVariable long connectionId, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        SandboxConnection connection = world.connection(connectionId)
                .filter(c -> c.userId() == user.id())
                .orElseThrow(() -> PowensError.notFound("Connection"));
        list(List.of(connection), id -> true, request, response);
    }

    @GetMapping("/accounts/{accountId}/transactions")
    void ofAccount(SandboxUser user, @PathVariable long accountId, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        SandboxConnection connection = world.connection(accountId / 10)
                .filter(c -> c.userId() == user.id() && c.accountIds().contains(accountId))
                .orElseThrow(() -> PowensError.notFound("Account"));
        list(List.of(connection), id -> id == accountId, request, response);
    }

    private void list(List<SandboxConnection> connections, LongPredicate account, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        if (connections.isEmpty()) {
            throw PowensError.noAccount();
        }
        Instant now = world.now();
        LocalDate today = Clocks.parisDate(now);
        var query = TransactionQuery.parse(request.getParameterMap(), today);
        LocalDate firstDate = today;
        var key = new StringBuilder(request.getRequestURI());
        for (SandboxConnection connection : connections) {
            if (query.offset() == 0) {
                connection.read(now);
            }
            firstDate = min(firstDate, world.firstDay(connection));
            key.append('|').append(connection.id());
        }
        request.getParameterMap().entrySet().stream()
                .filter(parameter -> !parameter.getKey().equals("offset"))
                .sorted(Map.Entry.comparingByKey())
                .forEach(parameter -> key.append('|').append(parameter.getKey()).append('=')
                        .append(String.join(",", parameter.getValue())));
        // a listing is a snapshot taken by its first page: the next pages read the same rows, computed once, not
        // once per page
        List<LedgerTransaction> matching = listings.get(key.toString(), query.offset() == 0, () -> {
            List<LedgerTransaction> rows = new ArrayList<>();
            for (SandboxConnection connection : connections) {
                rows(connection, query, now).stream()
                        .filter(row -> account.test(row.accountId()) && query.matches(row))
                        .forEach(rows::add);
            }
            rows.sort(SandboxWorld.NEWEST_FIRST);
            return rows;
        }, query.limit());
        var links = new PageLinks(request.getRequestURI(), request.getQueryString(), query.limit());
        var body = new TransactionEnvelope(matching, query, firstDate, today).render(json, links);
        PageWriter.write(mapper.writeValueAsBytes(body), request, response);
    }

    private List<LedgerTransaction> rows(SandboxConnection connection, TransactionQuery query, Instant now) {
        Instant dataAt = connection.dataInstant(now);
        LocalDate from = world.firstDay(connection);
        LocalDate to = Clocks.parisDate(dataAt);
        // bound the operation days to compute by the dates filtered on: a row books at most a few days after its
        // operation day, and its application date moves only as far as a user may re-date it
        if (query.minDate() != null) {
            from = max(from, query.byBankDate()
                    ? query.minDate().minusDays(7)
                    : SandboxWorld.firstDayWithApplicationDateFrom(query.minDate()));
        }
        if (query.maxDate() != null) {
            to = min(to, query.byBankDate()
                    ? query.maxDate()
                    : SandboxWorld.lastDayWithApplicationDateTo(
                            query.maxDate()));
        }
        if (query.lastUpdate() != null) {
            return world.changedAfter(connection, dataAt, query.lastUpdate(), from, to);
        }
        return world.transactions(connection, dataAt, from, to);
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
