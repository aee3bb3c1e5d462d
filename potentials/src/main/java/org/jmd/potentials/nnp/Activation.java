package org.jmd.potentials.nnp;

/**
 * n2p2's activation functions by their {@code global_activation_short} letter, for inference and
 * training alike. Logistic and softplus saturate beyond |x| &gt; 35 exactly as n2p2 does, so
 * results agree bit for bit there. Training with forces also needs the second derivative (a force
 * is a derivative of the network, so its gradient with respect to the weights differentiates the
 * activation twice): {@link #apply(double, double[], double[], double[], int)}.
 */
public enum Activation {
    IDENTITY('l'), TANH('t'), LOGISTIC('s'), SOFTPLUS('p'), RELU('r'), GAUSSIAN('g'), COS('c'),
    REVERSE_LOGISTIC('S'), EXP('e'), HARMONIC('h');

    private static final double EXP_LIMIT = 35.0;
    public final char code;

    Activation(char code) { this.code = code; }

    /** The activation of a letter, or null. */
    public static Activation of(String letter) {
        if (letter.length() != 1) return null;
        for (Activation a : values()) if (a.code == letter.charAt(0)) return a;
        return null;
    }

    /** Letters accepted, for messages. */
    public static String letters() {
        StringBuilder sb = new StringBuilder();
        for (Activation a : values()) sb.append(sb.length() == 0 ? "" : ", ").append(a.code);
        return sb.toString();
    }

    /** Stores f(x) in value[k] and f'(x) in slope[k]. */
    void apply(double x, double[] value, double[] slope, int k) {
        switch (this) {
            case IDENTITY: value[k] = x; slope[k] = 1.0; break;
            case TANH: { double t = Math.tanh(x); value[k] = t; slope[k] = 1.0 - t * t; break; }
            case LOGISTIC:
                if (x > EXP_LIMIT) { value[k] = 1.0; slope[k] = 0.0; }
                else if (x < -EXP_LIMIT) { value[k] = 0.0; slope[k] = 0.0; }
                else { double s = 1.0 / (1.0 + Math.exp(-x)); value[k] = s; slope[k] = s * (1.0 - s); }
                break;
            case SOFTPLUS:
                if (x > EXP_LIMIT) { value[k] = x; slope[k] = 1.0; }
                else if (x < -EXP_LIMIT) { value[k] = 0.0; slope[k] = 0.0; }
                else { double e = Math.exp(x); value[k] = Math.log(1.0 + e); slope[k] = 1.0 / (1.0 + 1.0 / e); }
                break;
            case RELU: value[k] = x > 0 ? x : 0.0; slope[k] = x > 0 ? 1.0 : 0.0; break;
            case GAUSSIAN: { double e = Math.exp(-0.5 * x * x); value[k] = e; slope[k] = -x * e; break; }
            case COS: value[k] = Math.cos(x); slope[k] = -Math.sin(x); break;
            case REVERSE_LOGISTIC: { double s = 1.0 / (1.0 + Math.exp(-x)); value[k] = 1.0 - s; slope[k] = s * (s - 1.0); break; }
            case EXP: { double e = Math.exp(-x); value[k] = e; slope[k] = -e; break; }
            default: value[k] = x * x; slope[k] = 2.0 * x;
        }
    }

    /** Stores f(x), f'(x) and f''(x) in value[k], slope[k] and curvature[k]; the same f and f' as {@link #apply(double, double[], double[], int)}. */
    public void apply(double x, double[] value, double[] slope, double[] curvature, int k) {
        apply(x, value, slope, k);
        double v = value[k], d = slope[k];
        switch (this) {
            case IDENTITY: case RELU: curvature[k] = 0.0; break;
            case TANH: curvature[k] = -2.0 * v * d; break;
            case LOGISTIC: curvature[k] = d * (1.0 - 2.0 * v); break;
            case SOFTPLUS: curvature[k] = x > EXP_LIMIT || x < -EXP_LIMIT ? 0.0 : d * (1.0 - d); break;
            case GAUSSIAN: curvature[k] = (x * x - 1.0) * v; break;
            case COS: curvature[k] = -v; break;
            case REVERSE_LOGISTIC: curvature[k] = d * (2.0 * v - 1.0); break;   // f = 1 − s: f″ = −s′(1 − 2s) = f′(2f − 1)
            case EXP: curvature[k] = v; break;
            default: curvature[k] = 2.0;
        }
    }
}
