package com.firesync.security;

import org.apache.catalina.Container;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.Valve;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Keeps Tomcat from naming itself: the error reports Tomcat writes itself (for requests refused before they reach
 * FireSync, such as a malformed URL) are problem bodies from {@link ProblemReportValve}, without server version or
 * stack trace. No {@code Server} header is sent either
 * ({@code server.server-header} is left empty).
 */
@Component
class ServerBanner implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> {

    @Override
    public void customize(ConfigurableTomcatWebServerFactory factory) {
        factory.addContextCustomizers(context -> context.addLifecycleListener(event -> {
            if (Lifecycle.AFTER_START_EVENT.equals(event.getType())) {
                quietErrorReports(context.getParent());
            }
        }));
    }

    private static void quietErrorReports(Container host) {
        for (Valve valve : host.getPipeline().getValves()) {
            if (valve instanceof ErrorReportValve report && !(valve instanceof ProblemReportValve)) {
                host.getPipeline().removeValve(report);
                host.getPipeline().addValve(new ProblemReportValve());
            }
        }
    }
}
