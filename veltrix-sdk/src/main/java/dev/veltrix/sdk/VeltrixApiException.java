package dev.veltrix.sdk;

import java.util.List;

/**
 * Veltrix refused a request. {@link #problemType()} names the problem (such as
 * {@code insufficient-funds}) and {@link #getMessage()} says what to change. Nothing was applied.
 */
public class VeltrixApiException extends RuntimeException {
    private final int status;
    private final String problemType;
    private final List<FieldProblem> fieldProblems;

    /** One field of the request that was wrong, and why. */
    public record FieldProblem(String field, String message) {
    }

    public VeltrixApiException(int status, String problemType, String detail, List<FieldProblem> fieldProblems) {
        super(detail);
        this.status = status;
        this.problemType = problemType;
        this.fieldProblems = List.copyOf(fieldProblems);
    }

    /** The HTTP status Veltrix answered with. */
    public int status() {
        return status;
    }

    /** The problem's short name, such as {@code insufficient-funds} or {@code invalid-input}. */
    public String problemType() {
        return problemType;
    }

    /** The fields at fault, for {@code invalid-input}; empty otherwise. */
    public List<FieldProblem> fieldProblems() {
        return fieldProblems;
    }
}
