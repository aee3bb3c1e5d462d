package org.jmd.analysis;

import java.nio.file.Path;
import org.jmd.engine.AtomicSystem;
import org.jmd.neighbor.Cell;

/**
 * The mean-squared displacement from the first frame, with the centre-of-mass drift removed, as
 * LAMMPS's {@code compute msd com yes}: MSD(t) = (1/N) Σ_i |Δr_i(t) − ΔR(t)|², with Δr_i the
 * displacement of atom i since the first frame and ΔR the mass-weighted mean of the Δr_i.
 *
 * <p>Positions may be wrapped or not: between two frames each atom is taken to have moved to the
 * nearest periodic image of its new position, so frames must be close enough that no atom
 * travels half a cell between them (in jmd's runs positions are never wrapped, and 100 fs in a
 * liquid is a fraction of an ångström). The cell may change between frames (NPT).
 */
public final class MeanSquaredDisplacement {
    private int n = -1;
    private double[] previous, unwrapped, origin, mass;
    private final double[] d = new double[3], s = new double[3];
    private double totalMass;
    private final Series time = new Series(), msd = new Series();

    /** Adds a frame at time {@code timeFs} (fs); all frames have the same atoms in the same order. */
    public void add(AtomicSystem system, double timeFs) {
        if (n < 0) {
            start(system);
        } else {
            if (system.size() != n) throw new IllegalArgumentException("frame has " + system.size() + " atoms, the first had " + n);
            if (!(timeFs > time.get(time.size() - 1))) throw new IllegalArgumentException("times must increase: " + timeFs + " fs after " + time.get(time.size() - 1) + " fs");
            unwrap(system);
        }
        time.add(timeFs);
        msd.add(current());
    }

    private void start(AtomicSystem system) {
        n = system.size();
        if (n == 0) throw new IllegalArgumentException("no atoms");
        previous = system.x.clone();
        unwrapped = system.x.clone();
        origin = system.x.clone();
        mass = system.mass.clone();
        totalMass = 0;
        for (double m : mass) totalMass += m;
        if (!(totalMass > 0)) throw new IllegalArgumentException("the atoms have no mass");
    }

    /** Adds each atom's displacement since the last frame, taken to the nearest image along periodic directions. */
    private void unwrap(AtomicSystem system) {
        Cell cell = system.cell();
        boolean a = cell.periodic(0), b = cell.periodic(1), c = cell.periodic(2);
        double[] x = system.x;
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < 3; k++) d[k] = x[3 * i + k] - previous[3 * i + k];
            if (a || b || c) {
                cell.toFractional(d, 0, s, 0);
                if (a) s[0] -= Math.rint(s[0]);
                if (b) s[1] -= Math.rint(s[1]);
                if (c) s[2] -= Math.rint(s[2]);
                cell.toCartesian(s, 0, d, 0);
            }
            for (int k = 0; k < 3; k++) {
                unwrapped[3 * i + k] += d[k];
                previous[3 * i + k] = x[3 * i + k];
            }
        }
    }

    private double current() {
        double cx = 0, cy = 0, cz = 0;
        for (int i = 0; i < n; i++) {
            cx += mass[i] * (unwrapped[3 * i] - origin[3 * i]);
            cy += mass[i] * (unwrapped[3 * i + 1] - origin[3 * i + 1]);
            cz += mass[i] * (unwrapped[3 * i + 2] - origin[3 * i + 2]);
        }
        cx /= totalMass;
        cy /= totalMass;
        cz /= totalMass;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double dx = unwrapped[3 * i] - origin[3 * i] - cx, dy = unwrapped[3 * i + 1] - origin[3 * i + 1] - cy, dz = unwrapped[3 * i + 2] - origin[3 * i + 2] - cz;
            sum += dx * dx + dy * dy + dz * dz;
        }
        return sum / n;
    }

    public int frames() { return time.size(); }

    /** Time since the first frame of each frame, ps. */
    public double[] times() {
        double[] t = time.toArray();
        double t0 = t.length == 0 ? 0 : t[0];
        for (int k = 0; k < t.length; k++) t[k] = (t[k] - t0) / 1000;
        return t;
    }

    /** MSD of each frame, Å². */
    public double[] msd() { return msd.toArray(); }

    /**
     * The diffusion coefficient D = slope / 6 (Å²/ps) of a least-squares line through the MSD of
     * the frames in the second half of the time span, where the motion is diffusive rather than
     * ballistic; NaN with fewer than two frames there.
     */
    public double diffusion() {
        double[] t = times(), m = msd();
        if (t.length < 2) return Double.NaN;
        double half = t[t.length - 1] / 2;
        int count = 0;
        double st = 0, sm = 0;
        for (int k = 0; k < t.length; k++) if (t[k] >= half) { count++; st += t[k]; sm += m[k]; }
        if (count < 2) return Double.NaN;
        st /= count;
        sm /= count;
        double stt = 0, stm = 0;
        for (int k = 0; k < t.length; k++) if (t[k] >= half) { stt += (t[k] - st) * (t[k] - st); stm += (t[k] - st) * (m[k] - sm); }
        return stm / stt / 6;
    }

    /** Columns {@code time,msd} (ps since the first frame, Å²). */
    public void write(Path file) { new CsvTable().column("time", times()).column("msd", msd()).write(file); }
}
