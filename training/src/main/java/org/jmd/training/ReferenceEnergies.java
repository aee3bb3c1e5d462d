package org.jmd.training;

import java.util.LinkedHashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.jmd.engine.AtomicSystem;

/**
 * Per-element reference energies e_Z (eV/atom) by least squares on total energy against
 * composition: min Σ_s (E_s − Σ_Z n_sZ e_Z)². When the compositions do not fix every e_Z (all
 * ZnO structures have as many Zn as O, so only e_Zn + e_O is determined) the minimum-norm
 * solution is used and {@link Fit#rank()} says so; the model's predictions of such data do not
 * depend on the choice, only its isolated-atom energies do.
 */
public final class ReferenceEnergies {
    private ReferenceEnergies() {}

    /**
     * @param energies per element, in alphabetical order of symbols
     * @param rank     how many independent combinations the data determine (= energies.size() when all are)
     * @param rmse     residual of the fit, eV/atom (root mean square of (E_s − Σ n e)/N_s)
     */
    public record Fit(Map<String, Double> energies, int rank, double rmse) {
        public boolean fullyDetermined() { return rank == energies.size(); }
    }

    /** Elements present in the data, sorted. */
    public static List<String> elements(List<LabelledStructure> data) {
        TreeSet<String> set = new TreeSet<>();
        for (LabelledStructure s : data) {
            AtomicSystem sys = s.frame().system;
            for (int i = 0; i < sys.size(); i++) set.add(sys.symbol(i));
        }
        return List.copyOf(set);
    }

    /** Elements of the first set, sorted, then those only the second holds (training, then validation). */
    public static List<String> elements(List<LabelledStructure> first, List<LabelledStructure> second) {
        List<String> all = new ArrayList<>(elements(first));
        for (String z : elements(second)) if (!all.contains(z)) all.add(z);
        return all;
    }

    public static Fit fit(List<LabelledStructure> data) {
        if (data.isEmpty()) throw new IllegalArgumentException("no structures to fit reference energies to");
        List<String> elements = elements(data);
        int m = data.size(), k = elements.size();
        double[][] a = new double[m][k];
        double[] b = new double[m];
        for (int s = 0; s < m; s++) {
            AtomicSystem sys = data.get(s).frame().system;
            for (int i = 0; i < sys.size(); i++) a[s][elements.indexOf(sys.symbol(i))]++;
            b[s] = data.get(s).energy();
        }
        RealMatrix matrix = new Array2DRowRealMatrix(a, false);
        SingularValueDecomposition svd = new SingularValueDecomposition(matrix);
        double[] sv = svd.getSingularValues();
        // rank with the usual relative tolerance; counts are exact integers so this is clear-cut
        double tol = Math.max(m, k) * Math.ulp(sv.length == 0 ? 0 : sv[0]) * 1e3;
        RealMatrix u = svd.getU(), v = svd.getV();
        double[] x = new double[k];
        int rank = 0;
        for (int r = 0; r < sv.length; r++) {
            if (sv[r] <= tol) continue;
            rank++;
            double c = 0;
            for (int s = 0; s < m; s++) c += u.getEntry(s, r) * b[s];
            c /= sv[r];
            for (int j = 0; j < k; j++) x[j] += c * v.getEntry(j, r);
        }
        Map<String, Double> out = new LinkedHashMap<>();
        for (int j = 0; j < k; j++) out.put(elements.get(j), x[j]);
        double sq = 0;
        for (int s = 0; s < m; s++) {
            double pred = 0;
            for (int j = 0; j < k; j++) pred += a[s][j] * x[j];
            double d = (b[s] - pred) / data.get(s).size();
            sq += d * d;
        }
        return new Fit(out, rank, Math.sqrt(sq / m));
    }

    /** "Si -5.4231, O -4.1" for logs. */
    public static String describe(Map<String, Double> e) {
        StringBuilder sb = new StringBuilder();
        e.forEach((z, v) -> sb.append(sb.length() == 0 ? "" : ", ").append(z).append(' ').append(String.format(Locale.ROOT, "%.6f", v)));
        return sb.append(" eV").toString();
    }
}
