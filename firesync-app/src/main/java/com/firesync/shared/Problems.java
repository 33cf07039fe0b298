package com.firesync.shared;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * Builds FireSync's error bodies: RFC 9457 problem details with {@code success: false} and a stable machine
 * {@code code}.
 */
public final class Problems {

    private Problems() {
    }

    public static ProblemDetail of(HttpStatusCode status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        decorate(problem, code);
        return problem;
    }

    /**
     * Adds FireSync's members to a problem built elsewhere (by Spring MVC, say).
     */
    public static void decorate(ProblemDetail problem, String code) {
        problem.setProperty("success", false);
        problem.setProperty("code", code);
    }
}
