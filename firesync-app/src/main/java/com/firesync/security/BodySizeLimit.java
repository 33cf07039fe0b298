package com.firesync.security;

import com.firesync.shared.ApiException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Caps request bodies: webhooks (which carry whole account histories) may be large, every other route small. A
 * declared {@code Content-Length} over the cap is refused at once with a 413 problem; a chunked body is read into
 * memory up to the cap and refused the same way when it is longer.
 */
class BodySizeLimit extends OncePerRequestFilter {

    static final String WEBHOOKS = "/api/webhooks/";

    private final SecuritySettings.BodyLimits limits;

    private final ProblemResponses problems;

    BodySizeLimit(SecuritySettings.BodyLimits limits, ProblemResponses problems) {
        this.limits = limits;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = request.getRequestURI().startsWith(WEBHOOKS)
                ? limits.webhooks().toBytes()
                : limits.standard().toBytes();
        if (request.getContentLengthLong() > limit) {
            problems.tooLarge(response, limit);
            return;
        }
        if (request.getContentLengthLong() < 0 && request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null
                && !isForm(request)) {
            byte[] body = request.getInputStream().readNBytes((int) Math.min(limit + 1, Integer.MAX_VALUE));
            if (body.length > limit) {
                problems.tooLarge(response, limit);
                return;
            }
            chain.doFilter(new Buffered(request, body), response);
            return;
        }
        chain.doFilter(request, response);
    }

    static ApiException tooLarge(long limit) {
        return new ApiException(HttpStatus.CONTENT_TOO_LARGE, "body_too_large",
                "The request body is larger than this route accepts (" + limit + " bytes).");
    }

    /** Form bodies are read by the container itself, which caps them ({@code server.tomcat.max-http-form-post-size}). */
    private static boolean isForm(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
    }

    /** A chunked request whose body, read up to the cap, is replayed from memory. */
    private static final class Buffered extends HttpServletRequestWrapper {

        private final byte[] body;

        Buffered(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            return new ReplayStream(new ByteArrayInputStream(body));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }

    private static final class ReplayStream extends ServletInputStream {

        private final ByteArrayInputStream in;

        ReplayStream(ByteArrayInputStream in) {
            this.in = in;
        }

        @Override
        public int read() {
            return in.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            return in.read(buffer, offset, length);
        }

        @Override
        public boolean isFinished() {
            return in.available() == 0;
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
            throw new UnsupportedOperationException("FireSync reads request bodies synchronously");
        }
    }
}
