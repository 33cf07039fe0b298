package com.firesync.user.web;

import com.firesync.shared.ApiResponse;
import com.firesync.shared.Caller;
import com.firesync.user.ApiToken;
import com.firesync.user.IssuedToken;
import com.firesync.user.UserAccounts;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's own API tokens: list them, issue one more, revoke one. Rotating a token is issuing a new one, switching
 * to it, then revoking the old one.
 */
@RestController
class TokenController {

    private final UserAccounts accounts;

    TokenController(UserAccounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/api/tokens")
    ApiResponse<List<ApiToken>> list(@AuthenticationPrincipal Caller caller) {
        return ApiResponse.ok(accounts.tokens(caller.userId()));
    }

    @PostMapping("/api/tokens")
    @ResponseStatus(HttpStatus.CREATED)
    ApiResponse<IssuedToken> issue(@AuthenticationPrincipal Caller caller) {
        return ApiResponse.ok(accounts.issueToken(caller.userId()));
    }

    @DeleteMapping("/api/tokens/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(@AuthenticationPrincipal Caller caller, @PathVariable long id) {
        accounts.revoke(caller.userId(), id);
    }
}
