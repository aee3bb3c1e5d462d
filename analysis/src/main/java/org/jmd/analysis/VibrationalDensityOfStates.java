package org.jmd.analysis;

import java.nio.file.Path;
import org.apache.commons.math3.transform.DftNormalization;
import org.apache.commons.math3.transform.FastFourierTransformer;
import org.apache.commons.math3.transform.TransformType;
import org.jmd.engine.AtomicSystem;

/**
 * The vibrational density of states from velocities sampled at equal intervals: the Fourier
 * transform of the mass-weighted velocity autocorrelation C(t) = Σ_i m_i ⟨v_i(0)·v_i(t)⟩,
 * computed by the Wiener–Khinchin theorem as Σ_i m_i |ṽ_i(ν)|² (the FFT of each atom's velocity
 * component, zero-padded to a power of two at least twice the number of frames, so the
 * correlation it implies is not circular). On frequencies 0 to the Nyquist frequency 1/(2Δt) in
 * THz, normalised so that ∫ vdos dν = 3N by the trapezoid rule on that grid. Mass weighting
 * gives every degree of freedom its kinetic energy as weight, equal in equilibrium.
 */
public final class VibrationalDensityOfStates {
    private int n = -1;
    private double[] mass;
    private double firstTime, interval = Double.NaN, lastTime;
    private final Series velocities = new Series();
    private int frames;

    /** Adds the velocities (Å/fs) of a frame at {@code timeFs}; frames must be equally spaced in time. */
    public void add(AtomicSystem s, double timeFs) {
        if (n < 0) {
            n = s.size();
            if (n == 0) throw new IllegalArgumentException("no atoms");
            mass = s.mass.clone();
            firstTime = timeFs;
        } else {
            if (s.size() != n) throw new IllegalArgumentException("frame has " + s.size() + " atoms, the first had " + n);
            double dt = timeFs - lastTime;
            if (!(dt > 0)) throw new IllegalArgumentException("times must increase: " + timeFs + " fs after " + lastTime + " fs");
            if (Double.isNaN(interval)) {
                interval = dt;
            } else if (Math.abs(dt - interval) > 1e-6 * interval) {
                throw new IllegalArgumentException("frames must be equally spaced in time: " + dt + " fs after " + interval
                        + " fs (the timestep changed while the VDOS was sampled)");
            }
        }
        lastTime = timeFs;
        velocities.addAll(s.v, 3 * n);
        frames++;
    }

    public int frames() { return frames; }

    /** Result of {@link #compute()}: frequencies (THz) and the VDOS (states per THz). */
    public record Spectrum(double[] frequency, double[] vdos) {}

    /** The VDOS on frequencies 0 .. 1/(2Δt); needs at least two frames. */
    public Spectrum compute() {
        double[] power = power();
        int size = power.length, half = size / 2;
        double df = 1000 / (size * interval); // THz: 1/fs = 1000 THz
        double[] frequency = new double[half + 1], vdos = new double[half + 1];
        double integral = 0;
        for (int j = 0; j <= half; j++) {
            frequency[j] = j * df;
            vdos[j] = power[j];
            integral += (j == 0 || j == half ? 0.5 : 1) * power[j] * df;
        }
        double scale = integral > 0 ? 3.0 * n / integral : 0;
        for (int j = 0; j <= half; j++) vdos[j] *= scale;
        return new Spectrum(frequency, vdos);
    }

    /**
     * The normalised velocity autocorrelation C(t)/C(0) at lags 0, Δt, ... up to half the sampled
     * span, each lag averaged over its M − k time origins (the inverse transform of the same spectrum).
     */
    public double[] vacf() {
        double[] power = power();
        double[][] ri = {power, new double[power.length]};
        FastFourierTransformer.transformInPlace(ri, DftNormalization.STANDARD, TransformType.INVERSE);
        int lags = frames / 2 + 1;
        double[] c = new double[lags];
        for (int k = 0; k < lags; k++) c[k] = ri[0][k] / (frames - k);
        double c0 = c[0];
        for (int k = 0; k < lags; k++) c[k] /= c0;
        return c;
    }

    /** Lag between frames, fs. */
    public double interval() { return interval; }

    /** Σ_i m_i |ṽ_iα(ν)|² summed over atoms and components, at all P frequencies of the padded transform. */
    private double[] power() {
        if (frames < 2) throw new IllegalStateException("the VDOS needs at least two frames, got " + frames);
        int size = Integer.highestOneBit(2 * frames - 1) << 1; // a power of two ≥ 2M
        double[] power = new double[size], re = new double[size], im = new double[size];
        double[][] ri = {re, im};
        double[] v = velocities.array();
        int dof = 3 * n;
        for (int c = 0; c < dof; c++) {
            for (int f = 0; f < frames; f++) re[f] = v[f * dof + c];
            java.util.Arrays.fill(re, frames, size, 0);
            java.util.Arrays.fill(im, 0);
            FastFourierTransformer.transformInPlace(ri, DftNormalization.STANDARD, TransformType.FORWARD);
            double m = mass[c / 3];
            for (int j = 0; j < size; j++) power[j] += m * (re[j] * re[j] + im[j] * im[j]);
        }
        return power;
    }

    /** Columns {@code frequency_thz,vdos}. */
    public void write(Path file) {
        Spectrum s = compute();
        new CsvTable().column("frequency_thz", s.frequency()).column("vdos", s.vdos()).write(file);
    }
}
