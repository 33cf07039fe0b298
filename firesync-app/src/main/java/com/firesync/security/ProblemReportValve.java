package com.firesync.security;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * Tomcat's error report for requests it refuses itself before they reach FireSync (an encoded NUL or slash in the
 * path, a malformed request line): a problem body like every other refusal, naming no server software.
 */
class ProblemReportValve extends ErrorReportValve {

    ProblemReportValve() {
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        String code = status >= 500 ? "internal_error" : "bad_request";
        String body = "{\"type\":\"about:blank\",\"title\":\""
                + (status >= 500 ? "Internal Server Error" : "Bad Request")
                + "\",\"status\":" + status + ",\"detail\":\"The request could not be processed.\",\"success\":false,"
                + "\"code\":\"" + code + "\"}";
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(body);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the response is already committed: nothing more to say
        }
    }
}
