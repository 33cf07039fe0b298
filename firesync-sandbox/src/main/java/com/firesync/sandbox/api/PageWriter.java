package com.firesync.sandbox.api;

import com.firesync.sandbox.world.Scenario;
import com.firesync.sandbox.world.Scenario.Kind;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;

/**
 * Writes a page of JSON, or spoils it for the {@code malformed} scenario (a 200 whose body is not JSON) and the
 * {@code truncated} scenario (the connection drops after half of the declared length).
 */
final class PageWriter {

    private PageWriter() {
    }

    static void write(byte[] body, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        long k = request.getAttribute(SandboxAttributes.SEQUENCE) instanceof Long sequence ? sequence : 0;
        Kind fault = Kind.NONE;
        Object scenarios = request.getAttribute(SandboxAttributes.SCENARIOS);
        for (Object each : scenarios instanceof Set<?> set ? set : Set.of()) {
            Scenario scenario = (Scenario) each;
            if ((scenario.is(Kind.MALFORMED) || scenario.is(Kind.TRUNCATED)) && Spread.fails(k, scenario.share())) {
                fault = scenario.kind();
            }
        }
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("application/json");
        ServletOutputStream out = response.getOutputStream();
        switch (fault) {
            case MALFORMED -> {
                byte[] spoiled = Arrays.copyOf(body, body.length / 2 + 1);
                response.setContentLength(spoiled.length + 12);
                out.write(spoiled);
                out.write("<!-- oops ->".getBytes(StandardCharsets.US_ASCII));
            }
            case TRUNCATED -> {
                response.setContentLength(body.length);
                out.write(body, 0, body.length / 2);
                out.flush();
                throw new TruncatedResponse();
            }
            default -> {
                response.setContentLength(body.length);
                out.write(body);
            }
        }
    }
}
