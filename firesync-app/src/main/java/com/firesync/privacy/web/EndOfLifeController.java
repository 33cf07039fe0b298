package com.firesync.privacy.web;

import com.firesync.privacy.ConnectionDeletion;
import com.firesync.privacy.DataExport;
import com.firesync.privacy.DeletionStarted;
import com.firesync.privacy.UserErasure;
import com.firesync.shared.ApiResponse;
import com.firesync.shared.Caller;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A connection's and a user's end of life: delete a connection (optionally keeping its history, archived), erase
 * oneself or (admins, under {@code /api/admin/**}) any user, export one's data. Deletions answer {@code 202}: the
 * resource is gone from the API at once, the provider is told in the background until it confirms.
 */
@RestController
class EndOfLifeController {

    private final ConnectionDeletion connections;

    private final UserErasure users;

    private final DataExport export;

    EndOfLifeController(ConnectionDeletion connections, UserErasure users, DataExport export) {
        this.connections = connections;
        this.users = users;
        this.export = export;
    }

    @DeleteMapping("/api/connections/{id}")
    @ResponseStatus(HttpStatus.ACCEPTED)
    ApiResponse<DeletionStarted> deleteConnection(@AuthenticationPrincipal Caller caller, @PathVariable long id,
            @RequestParam(defaultValue = "false") boolean keepHistory) {
        return ApiResponse.ok(connections.request(caller.userId(), id, keepHistory));
    }

    @DeleteMapping("/api/me")
    @ResponseStatus(HttpStatus.ACCEPTED)
    ApiResponse<DeletionStarted> eraseMe(@AuthenticationPrincipal Caller caller) {
        return ApiResponse.ok(users.request(caller.userId()));
    }

    @DeleteMapping("/api/admin/users/{id}")
    @ResponseStatus(HttpStatus.ACCEPTED)
    ApiResponse<DeletionStarted> eraseUser(@PathVariable long id) {
        return ApiResponse.ok(users.request(id));
    }

    /**
     * Streamed as it is read, straight to the response on the request's own (virtual) thread: memory stays flat
     * however many transactions the user has, and no asynchronous dispatch has to be authorised again.
     */
    @GetMapping("/api/me/export")
    void export(@AuthenticationPrincipal Caller caller, HttpServletResponse response) throws IOException {
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename("firesync-export-" + caller.userId() + ".json")
                .build()
                .toString());
        export.write(caller.userId(), response.getOutputStream());
    }
}
