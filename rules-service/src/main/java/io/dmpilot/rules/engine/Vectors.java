package io.dmpilot.rules.engine;

/** The little vector arithmetic cosine similarity needs. */
public final class Vectors {
    /** Cosine similarity of two unit vectors. */
    public static double dot(float[] a, float[] b) {
        if (a.length != b.length) throw new IllegalArgumentException(a.length + " ≠ " + b.length + " dimensions");
        double sum = 0;
        for (int i = 0; i < a.length; i++) sum += a[i] * b[i];
        return sum;
    }

    /** {@code v} scaled to length 1 (a copy); the zero vector stays zero and so matches nothing. */
    public static float[] unit(float[] v) {
        double norm = Math.sqrt(dot(v, v));
        float[] out = new float[v.length];
        if (norm == 0) return out;
        for (int i = 0; i < v.length; i++) out[i] = (float) (v[i] / norm);
        return out;
    }

    private Vectors() {}
}
