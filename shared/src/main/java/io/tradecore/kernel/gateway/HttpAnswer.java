package io.tradecore.kernel.gateway;

import java.util.Map;
import org.springframework.http.ProblemDetail;

/** The gateway's answer: status, headers and a body to write as JSON (problem+json when it is a ProblemDetail). */
public record HttpAnswer(int status, Map<String, String> headers, Object body) {

    public boolean isProblem() {
        return body instanceof ProblemDetail;
    }

    /** A 401 problem with the challenge header, for every runtime's authentication failures. */
    public static HttpAnswer unauthenticated(ProblemDetail problem) {
        return problem(problem, Map.of("WWW-Authenticate", "Bearer"));
    }

    static HttpAnswer problem(ProblemDetail problem) {
        return problem(problem, Map.of());
    }

    static HttpAnswer problem(ProblemDetail problem, Map<String, String> headers) {
        return new HttpAnswer(problem.getStatus(), headers, problem);
    }
}
