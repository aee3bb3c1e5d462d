package org.jmd.conformance;

import java.util.List;

/**
 * The conformance table: one row per potential line, at least one per registered potential
 * provider ({@link ConformanceTest#everyRegisteredPotentialHasARow} fails otherwise). A new
 * potential joins by adding a row here; see docs/testing.md.
 */
final class ConformanceTable {
    private ConformanceTable() {}

    private static final String SP = "reference/lammps-singlepoint/";

    /** Rattled diamond, a cluster in vacuum, a triclinic cell, a 2-atom cell smaller than every cutoff, a dense random cell. */
    static final List<String> SILICON = List.of(SP + "si_diamond_rattled.sw.extxyz", SP + "si_cluster.sw.extxyz",
            SP + "si_triclinic.sw.extxyz", SP + "si_tiny_primitive.sw.extxyz", SP + "si_random_dense.sw.extxyz");

    /** Rattled wurtzite, its 4-atom primitive cell (smaller than the cutoffs), a triclinic rocksalt cell, rattled zincblende. */
    static final List<String> ZINC_OXIDE = List.of(SP + "zno_wurtzite_rattled.abop.extxyz", SP + "zno_wurtzite_primitive.abop.extxyz",
            SP + "zno_rocksalt_triclinic.abop.extxyz", SP + "zno_zincblende_rattled.abop.extxyz");

    /** Eight molecules cut from n2p2's H2O example (a cluster in vacuum) and four in a triclinic cell narrower than the cutoff. */
    static final List<String> WATER = List.of("conformance/h2o_cluster.extxyz", "conformance/h2o_small_triclinic.extxyz");

    private static final String ZNO_BUCKINGHAM = " charges=Zn:2,O:-2 pairs=Zn-O:529.70:0.3581:0.0,O-O:9547.96:0.21916:32.0";

    static final List<Row> ROWS = List.of(
            new Row("lj epsilon=0.1 sigma=2.1 cutoff=5.0", SILICON).isolatedAtom(0),
            new Row("sw potentials/Si.sw", SILICON).isolatedAtom(0),
            // two elements: the GaN parameters on the ZnO structures (both wurtzite)
            new Row("sw potentials/GaN.sw elements=Zn=Ga,O=N", ZINC_OXIDE).isolatedAtom(0),
            new Row("tersoff potentials/Si.tersoff", SILICON).isolatedAtom(0),
            new Row("tersoff potentials/ZnO_Erhart2006.tersoff", ZINC_OXIDE).isolatedAtom(0),
            // compat=exact: with compat=lammps forces are LAMMPS's, not the energy's exact gradient (BuckinghamConsistencyTest)
            new Row("buckingham cutoff=7 shift=yes coulomb=ewald ewald_accuracy=1e-10 compat=exact" + ZNO_BUCKINGHAM, ZINC_OXIDE)
                    .isolatedAtomRefused("periodic in all three directions"),
            new Row("buckingham cutoff=7 shift=yes coulomb=dsf alpha=0.25 compat=exact" + ZNO_BUCKINGHAM, ZINC_OXIDE),
            new Row("nnp reference/n2p2/H2O_RPBE-D3 length_unit=bohr energy_unit=hartree", WATER),
            new Row("linear potentials/si-linear", SILICON),
            new Row("plip potentials/Si.plip", SILICON).isolatedAtom(-5.112030446867048),
            new Row("committee potentials/si-linear-committee", SILICON));
}
