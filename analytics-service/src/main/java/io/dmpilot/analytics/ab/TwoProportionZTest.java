package io.dmpilot.analytics.ab;

/**
 * The two-proportion z-test with pooled variance: is variant B's conversion rate different from A's by
 * more than chance? Pure arithmetic; the normal tail uses the Numerical Recipes erfc (relative error
 * below 1.2e-7), far finer than any decision made on it.
 */
public final class TwoProportionZTest {
    /** Conventional: a difference this unlikely under "no difference" is called real. */
    public static final double ALPHA = 0.05;

    /**
     * @param z (rateB − rateA) / pooled standard error; 0 when either group is empty or nobody/everybody converted
     * @param pValue two-sided
     */
    public record Result(double rateA, double rateB, double z, double pValue, boolean significant) {}

    public static Result test(long conversionsA, long trialsA, long conversionsB, long trialsB) {
        if (conversionsA < 0 || conversionsB < 0 || conversionsA > trialsA || conversionsB > trialsB) {
            throw new IllegalArgumentException("conversions must lie between 0 and the trials");
        }
        double rateA = trialsA == 0 ? 0.0 : (double) conversionsA / trialsA;
        double rateB = trialsB == 0 ? 0.0 : (double) conversionsB / trialsB;
        if (trialsA == 0 || trialsB == 0) return new Result(rateA, rateB, 0.0, 1.0, false);
        double pooled = (double) (conversionsA + conversionsB) / (trialsA + trialsB);
        double standardError = Math.sqrt(pooled * (1 - pooled) * (1.0 / trialsA + 1.0 / trialsB));
        if (standardError == 0) return new Result(rateA, rateB, 0.0, 1.0, false);
        double z = (rateB - rateA) / standardError;
        double p = erfc(Math.abs(z) / Math.sqrt(2));
        return new Result(rateA, rateB, z, p, p < ALPHA);
    }

    static double erfc(double x) {
        double z = Math.abs(x);
        double t = 1 / (1 + 0.5 * z);
        double poly = -z * z
                - 1.26551223
                + t
                        * (1.00002368
                                + t
                                        * (0.37409196
                                                + t
                                                        * (0.09678418
                                                                + t
                                                                        * (-0.18628806
                                                                                + t
                                                                                        * (0.27886807
                                                                                                + t
                                                                                                        * (-1.13520398
                                                                                                                + t
                                                                                                                        * (1.48851587
                                                                                                                                + t
                                                                                                                                        * (-0.82215223
                                                                                                                                                + t
                                                                                                                                                        * 0.17087277))))))));
        double value = t * Math.exp(poly);
        return x >= 0 ? value : 2 - value;
    }

    private TwoProportionZTest() {}
}
