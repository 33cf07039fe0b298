package com.firesync.sandbox.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.firesync.sandbox.ConditionalOnSandbox;
import com.firesync.sandbox.SandboxDeletions;
import com.firesync.sandbox.SandboxSettings;
import com.firesync.sandbox.world.SandboxUser;
import com.firesync.sandbox.world.SandboxWorld;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Powens' deletions: {@code DELETE /users/me/connections/{id}} (the connection and its data gone; another user's or
 * an unknown one is a 404) and {@code DELETE /users/me} (the user and all its connections gone; its tokens stop
 * working). Both are counted in {@code /sandbox/stats}; {@code POST /sandbox/control/deletions} (with
 * {@code firesync.sandbox.control=true}) makes the next ones fail.
 */
@RestController
@ConditionalOnSandbox
class SandboxDeletionController {

    private final SandboxWorld world;

    private final SandboxDeletions deletions;

    private final SandboxSettings settings;

    SandboxDeletionController(SandboxWorld world, SandboxDeletions deletions, SandboxSettings settings) {
        this.world = world;
        this.deletions = deletions;
        this.settings = settings;
    }

    @DeleteMapping("/sandbox/2.0/users/me/connections/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteConnection(SandboxUser user, @PathVariable long id) {
        refuseIfAsked();
        if (!world.deleteConnection(user, id)) {
            throw PowensError.notFound("Connection");
        }
        deletions.connectionDeleted();
    }

    @DeleteMapping("/sandbox/2.0/users/me")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteUser(SandboxUser user) {
        refuseIfAsked();
        world.deleteUser(user);
        deletions.userDeleted();
    }

    @PostMapping("/sandbox/control/deletions")
    Map<String, Object> failNext(@RequestBody Knob knob) {
        if (!settings.control()) {
            throw PowensError.notFound("Route");
        }
        if (knob.failNext() < 0) {
            throw PowensError.invalidValue("fail_next must not be negative.");
        }
        deletions.failNext(knob.failNext());
        return Map.of("fail_next", knob.failNext());
    }

    private void refuseIfAsked() {
        if (deletions.refuse()) {
            throw new PowensError(HttpStatus.SERVICE_UNAVAILABLE, "websiteUnavailable",
                    "The service is temporarily unavailable.");
        }
    }

    /**
     * @param failNext how many of the next deletion calls answer 503
     */
    record Knob(@JsonProperty("fail_next") int failNext) {
    }
}
