package com.firesync.observability;

import com.firesync.connection.ConnectionState;
import com.firesync.provider.resilience.CircuitState;
import com.firesync.provider.resilience.ConnectionCircuits;
import com.firesync.shared.MetricNames;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Gauges of the connections (by state, staleness, stale count; the same on every instance, as they read the shared
 * database) and of this instance's circuits.
 */
@Component
class ConnectionGauges {

    ConnectionGauges(MeterRegistry meters, ConnectionFigures figures, ConnectionCircuits circuits) {
        for (ConnectionState state : ConnectionState.values()) {
            Gauge.builder(MetricNames.CONNECTIONS, figures, f -> f.current().byState(state))
                    .tag("state", state.code())
                    .description("Connections by state")
                    .register(meters);
        }
        Gauge.builder(MetricNames.STALENESS, figures, f -> f.current().oldestSuccessSeconds())
                .description("Seconds since the least recently synced syncable connection last synced")
                .baseUnit("seconds")
                .register(meters);
        Gauge.builder(MetricNames.STALE_CONNECTIONS, figures, f -> f.current().stale())
                .description("Syncable connections past the stale threshold")
                .register(meters);
        for (CircuitState state : CircuitState.values()) {
            Gauge.builder(MetricNames.CIRCUITS, circuits, c -> c.counts().get(state))
                    .tag("state", state.name().toLowerCase(Locale.ROOT))
                    .description("Connections whose circuit is in this state on this instance")
                    .register(meters);
        }
    }
}
