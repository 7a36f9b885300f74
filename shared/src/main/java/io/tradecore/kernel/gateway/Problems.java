package io.tradecore.kernel.gateway;

import io.tradecore.kernel.domain.Rejection;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * RFC 9457 problem details with a stable machine-readable {@code code}. The only place a refusal becomes HTTP.
 */
public final class Problems {

    private static final String TYPE_BASE = "https://tradecore.dev/problems/";

    private Problems() {
    }

    public static ProblemDetail of(Rejection rejection) {
        ProblemDetail problem = problem(HttpStatus.valueOf(rejection.kind().status()), rejection.code(), rejection.reason());
        if (rejection.field() != null) {
            problem.setProperty("errors", List.of(Map.of("field", rejection.field(), "reason", rejection.reason())));
        }
        return problem;
    }

    public static ProblemDetail problem(HttpStatus status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + code));
        problem.setTitle(status.getReasonPhrase());
        problem.setProperty("code", code);
        return problem;
    }

    public static ProblemDetail unauthenticated() {
        return problem(HttpStatus.UNAUTHORIZED, "unauthenticated", "a valid bearer token is required");
    }
}
