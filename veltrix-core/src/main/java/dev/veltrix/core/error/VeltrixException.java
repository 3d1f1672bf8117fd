package dev.veltrix.core.error;

/**
 * A failure the caller can act on. Each subtype maps to exactly one HTTP status and one problem
 * type, so the HTTP layer needs no knowledge of the capability that threw it.
 */
public abstract sealed class VeltrixException extends RuntimeException
        permits InvalidInputException, NotFoundException, ConflictException, RejectedException,
                UnauthorizedException, ForbiddenException, OverloadedException, LimitedException {

    private final String problemType;

    protected VeltrixException(String problemType, String message) {
        super(message);
        this.problemType = problemType;
    }

    /** A short slug naming the problem, such as {@code insufficient-funds}; stable across releases. */
    public String problemType() {
        return problemType;
    }
}
