package com.firesync.analytics;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The analytics' settings ({@code FIRESYNC_ANALYTICS_ZONE}, {@code FIRESYNC_ANALYTICS_MAXRUNS}).
 *
 * @param zone the bank's time zone, which says what "today" is
 * @param maxRuns the most Monte Carlo runs one projection may ask for
 * @param maxYears the longest projection one may ask for, in years
 */
@ConfigurationProperties("firesync.analytics")
@Validated
public record AnalyticsSettings(@DefaultValue("Europe/Paris") ZoneId zone,
        @DefaultValue("50000") @Min(1) @Max(1_000_000) int maxRuns, @DefaultValue("100") @Min(1) int maxYears) {
}
