package com.firesync.sandbox.enablebanking;

import com.firesync.sandbox.ConditionalOnSandbox;
import com.firesync.sandbox.enablebanking.UnattendedAccess.Kind;
import com.firesync.sandbox.enablebanking.json.AccountJson;
import com.firesync.sandbox.enablebanking.json.BalancesJson;
import com.firesync.sandbox.enablebanking.json.TransactionsJson;
import com.firesync.sandbox.world.Clocks;
import com.firesync.sandbox.world.LedgerAccount;
import com.firesync.sandbox.world.SandboxConnection;
import com.firesync.sandbox.world.SandboxWorld;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * An account's details, balances and transactions, by its uid in a live session. Each first call of a kind counts
 * against the unattended-access limit unless it carries the PSU headers of a present user; the further pages of a
 * transaction list ({@code continuation_key}) page through what the bank already answered and are not counted.
 */
@RestController
@RequestMapping(EnableBankingApiController.ROOT + "/accounts/{uid}")
@ConditionalOnSandbox
class EnableBankingAccountController {

    private final EnableBankingFace face;

    private final SandboxWorld world;

    EnableBankingAccountController(EnableBankingFace face, SandboxWorld world) {
        this.face = face;
        this.world = world;
    }

    @GetMapping("/details")
    AccountJson details(@PathVariable String uid, HttpServletRequest request) {
        Session session = face.sessions().readable(uid);
        face.unattended().count(uid, Kind.DETAILS, PsuHeaders.present(request));
        return EnableBankingJson.account(session.authorization().bank(), uid, account(session, uid));
    }

    @GetMapping("/balances")
    BalancesJson balances(@PathVariable String uid, HttpServletRequest request) {
        Session session = face.sessions().readable(uid);
        if (!session.authorization().balances()) {
            throw new EnableBankingError(403, "ACCESS_DENIED", "Access denied", "The consent excludes balances");
        }
        face.unattended().count(uid, Kind.BALANCES, PsuHeaders.present(request));
        return EnableBankingJson.balances(account(session, uid), Clocks.parisDate(now()));
    }

    @GetMapping("/transactions")
    TransactionsJson transactions(@PathVariable String uid,
            @RequestParam(name = "date_from", required = false) @Nullable String dateFrom,
            @RequestParam(name = "date_to", required = false) @Nullable String dateTo,
            @RequestParam(name = "transaction_status", required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String strategy,
            @RequestParam(name = "continuation_key", required = false) @Nullable String continuationKey,
            HttpServletRequest request) {
        Session session = face.sessions().readable(uid);
        if (!session.authorization().transactions()) {
            throw new EnableBankingError(403, "ACCESS_DENIED", "Access denied", "The consent excludes transactions");
        }
        LocalDate today = Clocks.parisDate(now());
        SandboxConnection connection = world.connection(session.connectionId()).orElseThrow();
        // a refused period is refused before anything is counted, as malformed queries are
        var query = HistoryCap.of(connection.scenario())
                .applied(TransactionPages.Query.of(dateFrom, dateTo, status, strategy, continuationKey, today), today);
        boolean present = PsuHeaders.present(request);
        if (query.firstPage()) {
            face.unattended().count(uid, Kind.TRANSACTIONS, present);
        }
        return face.pages().page(session, uid, session.account(uid).orElseThrow(), query, now());
    }

    private LedgerAccount account(Session session, String uid) {
        long accountId = session.account(uid).orElseThrow();
        SandboxConnection connection = world.connection(session.connectionId()).orElseThrow();
        return world.accounts(connection, now()).stream()
                .filter(account -> account.id() == accountId)
                .findFirst()
                .orElseThrow();
    }

    private Instant now() {
        return face.clock().instant();
    }
}
