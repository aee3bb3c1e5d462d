package org.jmd.benchmarks;

import java.util.concurrent.TimeUnit;
import org.jmd.engine.AtomicSystem;
import org.jmd.neighbor.CellListSearch;
import org.jmd.neighbor.NeighborList;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cell-list neighbor-list build for diamond Si at the SW cutoff plus a 1 Å skin (4.77 Å, ~30
 * neighbors per atom in a full list). The score is the time of one build; divide by the atom
 * count ({@link Crystals#silicon}: 1000, 10648 and 110592 atoms) for time per atom, which stays
 * flat across sizes when the build scales linearly.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class NeighborListBenchmark {
    @Param({"1000", "10000", "100000"})
    public int atoms;

    @Param({"FULL", "HALF"})
    public NeighborList.Kind kind;

    AtomicSystem system;
    final CellListSearch search = new CellListSearch();
    final NeighborList list = new NeighborList();

    @Setup(Level.Trial) public void setUp() {
        system = Crystals.silicon(atoms, 1);
    }

    @Benchmark public NeighborList build() {
        search.build(system.x, system.size(), system.cell(), 4.77, kind, list);
        return list;
    }
}
