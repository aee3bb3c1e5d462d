package org.jmd.training.nnp;

/**
 * The activation functions a trained network may use, by their n2p2 {@code global_activation_short}
 * letter, with first and second derivatives. The second derivative is what training with forces
 * needs: a force is a derivative of the network, so its gradient with respect to the weights
 * differentiates the activation twice.
 *
 * <p>Logistic and softplus saturate beyond |x| &gt; 35 exactly as the inference code (and n2p2)
 * does, so the trainer's predictions equal those of the saved potential to round-off.
 */
public enum ActivationFunction {
    IDENTITY('l'), TANH('t'), LOGISTIC('s'), SOFTPLUS('p'), GAUSSIAN('g'), COS('c'), HARMONIC('h');

    private static final double EXP_LIMIT = 35.0;
    public final char letter;

    ActivationFunction(char letter) { this.letter = letter; }

    /** The activation of an n2p2 letter, or null. */
    public static ActivationFunction of(String letter) {
        if (letter.length() != 1) return null;
        for (ActivationFunction a : values()) if (a.letter == letter.charAt(0)) return a;
        return null;
    }

    /** Letters accepted, for messages. */
    public static String letters() {
        StringBuilder sb = new StringBuilder();
        for (ActivationFunction a : values()) sb.append(sb.length() == 0 ? "" : ", ").append(a.letter);
        return sb.toString();
    }

    /** Stores f(x), f'(x), f''(x) in value[k], slope[k], curvature[k]. */
    void apply(double x, double[] value, double[] slope, double[] curvature, int k) {
        switch (this) {
            case IDENTITY -> { value[k] = x; slope[k] = 1.0; curvature[k] = 0.0; }
            case TANH -> {
                double t = Math.tanh(x), d = 1.0 - t * t;
                value[k] = t; slope[k] = d; curvature[k] = -2.0 * t * d;
            }
            case LOGISTIC -> {
                if (x > EXP_LIMIT) { value[k] = 1.0; slope[k] = 0.0; curvature[k] = 0.0; }
                else if (x < -EXP_LIMIT) { value[k] = 0.0; slope[k] = 0.0; curvature[k] = 0.0; }
                else {
                    double s = 1.0 / (1.0 + Math.exp(-x)), d = s * (1.0 - s);
                    value[k] = s; slope[k] = d; curvature[k] = d * (1.0 - 2.0 * s);
                }
            }
            case SOFTPLUS -> {
                if (x > EXP_LIMIT) { value[k] = x; slope[k] = 1.0; curvature[k] = 0.0; }
                else if (x < -EXP_LIMIT) { value[k] = 0.0; slope[k] = 0.0; curvature[k] = 0.0; }
                else {
                    double e = Math.exp(x), s = 1.0 / (1.0 + 1.0 / e);
                    value[k] = Math.log(1.0 + e); slope[k] = s; curvature[k] = s * (1.0 - s);
                }
            }
            case GAUSSIAN -> {
                double e = Math.exp(-0.5 * x * x);
                value[k] = e; slope[k] = -x * e; curvature[k] = (x * x - 1.0) * e;
            }
            case COS -> { value[k] = Math.cos(x); slope[k] = -Math.sin(x); curvature[k] = -value[k]; }
            default -> { value[k] = x * x; slope[k] = 2.0 * x; curvature[k] = 2.0; }
        }
    }
}
