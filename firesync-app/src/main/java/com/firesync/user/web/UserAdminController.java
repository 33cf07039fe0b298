package com.firesync.user.web;

import com.firesync.shared.ApiResponse;
import com.firesync.shared.Role;
import com.firesync.user.IssuedToken;
import com.firesync.user.NewUser;
import com.firesync.user.UserAccounts;
import com.firesync.user.UserSummary;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Admin-only user management (the security configuration restricts {@code /api/admin/**} to admins).
 */
@RestController
class UserAdminController {

    private final UserAccounts accounts;

    UserAdminController(UserAccounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/api/admin/users")
    ApiResponse<List<UserSummary>> list() {
        return ApiResponse.ok(accounts.users());
    }

    @PostMapping("/api/admin/users")
    @ResponseStatus(HttpStatus.CREATED)
    ApiResponse<CreatedUser> create(@Valid @RequestBody CreateUser request) {
        NewUser user = accounts.create(request.name().strip(), Role.USER);
        return ApiResponse.ok(new CreatedUser(user.id(), user.name(), user.token()));
    }

    /**
     * Mints a token for any user: how an admin hands a user a new token, or rotates the bootstrap admin token (mint a
     * new one for the admin, switch to it, revoke the old one with {@code DELETE /api/tokens/{id}}).
     */
    @PostMapping("/api/admin/users/{id}/tokens")
    @ResponseStatus(HttpStatus.CREATED)
    ApiResponse<IssuedToken> issueToken(@PathVariable long id) {
        return ApiResponse.ok(accounts.issueToken(id));
    }

    record CreateUser(@NotBlank @Size(max = 200) String name) {
    }

    record CreatedUser(long id, String name, String token) {
    }
}
