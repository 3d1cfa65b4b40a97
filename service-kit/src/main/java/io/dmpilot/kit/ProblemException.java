package io.dmpilot.kit;

/** Thrown by resources and services to answer with a {@link Problem}; mapped in one place. */
public class ProblemException extends RuntimeException {
    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.detail());
        this.problem = problem;
    }

    public static ProblemException badRequest(String detail) {
        return new ProblemException(Problem.of(400, "Bad request", detail));
    }

    public static ProblemException invalidField(String field, String detail) {
        return new ProblemException(Problem.ofField(400, field, detail));
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(Problem.of(404, "Not found", detail));
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(Problem.of(409, "Conflict", detail));
    }

    public Problem problem() {
        return problem;
    }
}
