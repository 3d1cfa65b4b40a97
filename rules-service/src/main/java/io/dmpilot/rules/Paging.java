package io.dmpilot.rules;

import io.dmpilot.kit.ProblemException;

/** The one page/size rule of rules-service's list endpoints. */
public final class Paging {
    public static final int MAX_SIZE = 500;

    /** Throws a 400 problem unless {@code page ≥ 0} and {@code 1 ≤ size ≤ 500}. */
    public static void check(int page, int size) {
        if (page < 0 || size < 1 || size > MAX_SIZE) {
            throw ProblemException.badRequest("page must be ≥ 0 and size between 1 and " + MAX_SIZE);
        }
    }

    private Paging() {}
}
