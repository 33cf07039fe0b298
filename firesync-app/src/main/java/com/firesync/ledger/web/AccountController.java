package com.firesync.ledger.web;

import com.firesync.ledger.AccountView;
import com.firesync.ledger.LedgerQueries;
import com.firesync.shared.ApiResponse;
import com.firesync.shared.Caller;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class AccountController {

    private final LedgerQueries ledger;

    AccountController(LedgerQueries ledger) {
        this.ledger = ledger;
    }

    @GetMapping("/api/accounts")
    ApiResponse<List<AccountView>> accounts(@AuthenticationPrincipal Caller caller) {
        return ApiResponse.ok(ledger.accounts(caller.userId()));
    }
}
