package org.jmd.training.linear;

/**
 * The sums a least-squares fit needs from a block of rows a·θ ≈ y, without keeping the rows:
 * M = Σ a aᵀ (upper triangle while accumulating), v = Σ a y, Σ y² and the row count. Rows are
 * added one at a time; zero entries of a are skipped (force rows of one element leave the other
 * elements' columns empty). One instance per chunk of structures; {@link #add(NormalEquations)} merges.
 */
final class NormalEquations {
    final int columns;
    final double[] matrix;      // [i * columns + j], j ≥ i until symmetrised
    final double[] vector;
    double sumOfSquares;
    long rows;

    NormalEquations(int columns) {
        this.columns = columns;
        this.matrix = new double[columns * columns];
        this.vector = new double[columns];
    }

    /** Adds the row a[offset .. offset + columns) with target y. */
    void addRow(double[] a, int offset, double y) {
        int p = columns;
        for (int i = 0; i < p; i++) {
            double ai = a[offset + i];
            if (ai == 0.0) continue;
            vector[i] += ai * y;
            int o = i * p;
            for (int j = i; j < p; j++) matrix[o + j] += ai * a[offset + j];
        }
        sumOfSquares += y * y;
        rows++;
    }

    void add(NormalEquations other) {
        for (int k = 0; k < matrix.length; k++) matrix[k] += other.matrix[k];
        for (int k = 0; k < columns; k++) vector[k] += other.vector[k];
        sumOfSquares += other.sumOfSquares;
        rows += other.rows;
    }

    /** Copies the upper triangle into the lower one; call once after the last row. */
    void symmetrise() {
        for (int i = 0; i < columns; i++)
            for (int j = 0; j < i; j++) matrix[i * columns + j] = matrix[j * columns + i];
    }

    /** Residual sum of squares Σ (a·θ − y)² = θᵀMθ − 2θ·v + Σy², for a symmetrised M (never below 0). */
    double residualSumOfSquares(double[] theta) {
        double quad = 0, lin = 0;
        for (int i = 0; i < columns; i++) {
            double mi = 0;
            for (int j = 0; j < columns; j++) mi += matrix[i * columns + j] * theta[j];
            quad += theta[i] * mi;
            lin += theta[i] * vector[i];
        }
        return Math.max(0.0, quad - 2 * lin + sumOfSquares);
    }

    /** √(RSS / rows), or NaN without rows. */
    double rmse(double[] theta) {
        return rows == 0 ? Double.NaN : Math.sqrt(residualSumOfSquares(theta) / rows);
    }
}
