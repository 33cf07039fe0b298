package com.firesync.schedule;

import com.firesync.connection.TokenRotation;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.springframework.stereotype.Component;

/**
 * Refreshes credentials that expire within the margin and rotates those older than the maximum age.
 */
@Component
class TokenRefreshJob implements JobWork {

    private final TokenRotation rotation;

    private final ScheduleSettings settings;

    private final Clock clock;

    TokenRefreshJob(TokenRotation rotation, ScheduleSettings settings, Clock clock) {
        this.rotation = rotation;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public Job job() {
        return Job.TOKEN_REFRESH;
    }

    @Override
    public String run() {
        Instant now = clock.instant();
        Instant oldest = now.atOffset(ZoneOffset.UTC).minus(settings.tokenMaxAge()).toInstant();
        TokenRotation.Result result = rotation.rotate(settings.tokenExpiryMargin(), oldest);
        return "rotated " + result.rotated() + " of " + result.due() + " due credentials";
    }
}
