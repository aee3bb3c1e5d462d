package org.jmd.studies.structure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.jmd.engine.Structures;
import org.junit.jupiter.api.Test;

class KabschTest {
    /** A rotated and translated copy superposes exactly; adding known noise gives back its RMS. */
    @Test void rigidMotionsAreRemovedAndNoiseRemains() {
        Random r = new Random(5);
        int n = 40;
        double[] a = new double[3 * n];
        for (int k = 0; k < a.length; k++) a[k] = 10 * r.nextDouble();
        double[] rot = Structures.rotation(0.3, -1, 0.7, 2.1);
        double[] b = new double[3 * n];
        for (int i = 0; i < n; i++)
            for (int d = 0; d < 3; d++) b[3 * i + d] = rot[3 * d] * a[3 * i] + rot[3 * d + 1] * a[3 * i + 1] + rot[3 * d + 2] * a[3 * i + 2] + (d + 1) * 1.7;
        assertEquals(0, Kabsch.rmsd(a, b), 1e-12);
        // a displacement of 0.1 Å on every atom along ±z alternately is no rigid motion: RMSD 0.1 up to the fit's small gain
        double[] c = a.clone();
        for (int i = 0; i < n; i++) c[3 * i + 2] += (i % 2 == 0 ? 0.1 : -0.1);
        double rmsd = Kabsch.rmsd(a, c);
        assertTrue(rmsd > 0.09 && rmsd <= 0.1 + 1e-12, "rmsd " + rmsd);
    }

    /** A mirror image is no rotation of a chiral object: its RMSD stays finite. */
    @Test void reflectionsAreNotAllowed() {
        double[] a = {0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 3};
        double[] mirror = {0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, -3};
        assertTrue(Kabsch.rmsd(a, mirror) > 0.5);
    }
}
