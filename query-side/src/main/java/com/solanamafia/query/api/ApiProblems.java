package com.solanamafia.query.api;

import com.solanamafia.api.chain.Wallet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.lang.NonNull;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.net.URI;

/**
 * Every API error is an RFC 7807 problem (application/problem+json); client mistakes never surface as 500. Spring
 * MVC's own errors (missing or mistyped parameters, unknown paths, wrong methods) come from the base class; a
 * mistyped parameter names the parameter and the expected type. A 404 from a read model carries its position.
 */
@RestControllerAdvice
public class ApiProblems extends ResponseEntityExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

    @ExceptionHandler(Wallet.InvalidWalletException.class)
    ProblemDetail invalidKey(Wallet.InvalidWalletException e) {
        return problem(HttpStatus.BAD_REQUEST, "invalid-public-key", "Invalid public key", e.getMessage());
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NotFoundException e) {
        ResponseEntity.BodyBuilder response = ResponseEntity.status(HttpStatus.NOT_FOUND);
        if (e.readModelPosition() != null) {
            response.header(ReadModelPosition.HEADER, Long.toString(e.readModelPosition()));
        }
        return response.body(problem(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage()));
    }

    @ExceptionHandler(BadRequestException.class)
    ProblemDetail badRequest(BadRequestException e) {
        return problem(HttpStatus.BAD_REQUEST, "bad-request", "Bad request", e.getMessage());
    }

    /** Anything unexpected: a 500 problem without internals (logged here). */
    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        log.error("request failed", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
                "the request could not be answered; it has been logged");
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(@NonNull TypeMismatchException ex, @NonNull HttpHeaders headers,
                                                        @NonNull HttpStatusCode status, @NonNull WebRequest request) {
        String name = ex instanceof MethodArgumentTypeMismatchException m ? m.getName() : ex.getPropertyName();
        Class<?> type = ex.getRequiredType();
        String expected = type == null ? "another type" : switch (type.getSimpleName()) {
            case "int", "Integer", "long", "Long" -> "an integer";
            default -> "a " + type.getSimpleName();
        };
        ProblemDetail body = problem(HttpStatus.BAD_REQUEST, "bad-request", "Bad request",
                "parameter '" + name + "' must be " + expected);
        return handleExceptionInternal(ex, body, headers, HttpStatus.BAD_REQUEST, request);
    }

    public static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("https://solana-mafia.dev/problems/" + type));
        problem.setTitle(title);
        return problem;
    }
}
