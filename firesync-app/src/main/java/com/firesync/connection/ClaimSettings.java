package com.firesync.connection;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How instances show they are alive to the others ({@code firesync.claims.*}).
 *
 * @param heartbeat how often an instance records that it runs (default 5 s)
 * @param deadAfter how long without a beat before another instance takes over its claims (default 30 s: several
 *        missed beats, so that a pause of the process is not taken for its death)
 */
@ConfigurationProperties("firesync.claims")
public record ClaimSettings(@DefaultValue("5s") Duration heartbeat, @DefaultValue("30s") Duration deadAfter) {

    public ClaimSettings {
        if (heartbeat.isNegative() || heartbeat.isZero() || deadAfter.compareTo(heartbeat.multipliedBy(2)) < 0) {
            throw new IllegalArgumentException("firesync.claims.heartbeat must be positive and dead-after at least "
                    + "twice as long");
        }
    }
}
