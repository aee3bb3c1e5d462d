package org.jmd.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jmd.engine.InputException;
import org.jmd.io.Frame;
import org.jmd.io.LammpsData;
import org.jmd.io.Poscar;
import org.jmd.io.StructureFormat;
import org.jmd.io.StructureIO;
import org.jmd.io.StructureReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Converts structure files between formats. Frames stream from IN to OUT, so converting a large
 * training set does not hold it in memory; OUT appears only once it is complete.
 */
@Command(name = "convert", mixinStandardHelpOptions = true,
        description = {"Convert a structure file: IN and OUT in extxyz, lammps-data, poscar or n2p2 format, "
                + "chosen from the file names (*.extxyz/*.xyz, *.lmp/*.data, POSCAR*/CONTCAR*/*.vasp/*.poscar, "
                + "input.data/*.n2p2) unless --from/--to say otherwise.",
                "Multi-frame input to a single-structure format (lammps-data, poscar) needs --frame; "
                + "--frame also picks one frame for any output.",
                "Units stay jmd's (Å, Å/fs, e) except LAMMPS data velocities (Å/ps, metal units); n2p2 values are copied as they are.",
                "A general triclinic cell written as LAMMPS data is rotated rigidly into LAMMPS's lower-triangular form."})
final class ConvertCommand implements Callable<Integer> {
    @Mixin ThreadsOption threadsOption;

    @Parameters(index = "0", paramLabel = "IN", description = "Input structure file.")
    Path in;

    @Parameters(index = "1", paramLabel = "OUT", description = "Output structure file (written atomically).")
    Path out;

    @Option(names = "--from", paramLabel = "FORMAT", description = "Format of IN: extxyz, lammps-data, poscar or n2p2.")
    String from;

    @Option(names = "--to", paramLabel = "FORMAT", description = "Format of OUT: extxyz, lammps-data, poscar or n2p2.")
    String to;

    @Option(names = "--frame", paramLabel = "K",
            description = "Convert only frame K, counted from 0 as in ASE; negative counts from the end (-1 = last).")
    Integer frame;

    @Option(names = "--species", paramLabel = "EL,EL,...", split = ",",
            description = "Elements of LAMMPS atom types 1, 2, … or of the atom groups of a VASP 4 POSCAR (no species line).")
    String[] species;

    @Override public Integer call() {
        StructureFormat inFormat = withSpecies(StructureFormat.choose(in, from));
        StructureFormat outFormat = StructureFormat.choose(out, to);
        if (frame != null) {
            StructureIO.write(out, List.of(pick(inFormat, frame)), outFormat);
            return 0;
        }
        if (!outFormat.multiFrame()) {
            // read one frame more than needed to tell a single-structure file from a trajectory
            List<Frame> first = new ArrayList<>(2);
            try (StructureReader r = StructureIO.open(in, inFormat)) {
                while (r.hasNext() && first.size() < 2) first.add(r.next());
            }
            if (first.isEmpty()) throw new InputException(in.toString(), 0, "no structure in file");
            if (first.size() > 1) {
                throw new InputException(in.toString(), 0, "holds several frames but " + outFormat.name()
                        + " holds one structure; choose one with --frame K (0 = first, -1 = last)");
            }
            StructureIO.write(out, first, outFormat);
            return 0;
        }
        int[] count = {0};
        try (StructureReader r = StructureIO.open(in, inFormat)) {
            StructureIO.writeAtomically(out, w -> {
                while (r.hasNext()) {
                    outFormat.writeFrame(w, r.next(), out.toString());
                    count[0]++;
                }
            });
        }
        if (count[0] == 0) throw new InputException(in.toString(), 0, "no structure in file");
        return 0;
    }

    private StructureFormat withSpecies(StructureFormat f) {
        if (species == null) return f;
        if (f instanceof LammpsData l) return l.withSpecies(species);
        if (f instanceof Poscar p) return p.withSpecies(species);
        throw new InputException("--species applies to lammps-data and poscar input, not " + f.name());
    }

    /** Frame k of the input, streaming: a negative k keeps only the last |k| frames in memory. */
    private Frame pick(StructureFormat format, int k) {
        try (StructureReader r = StructureIO.open(in, format)) {
            if (k >= 0) {
                for (int i = 0; r.hasNext(); i++) {
                    Frame f = r.next();
                    if (i == k) return f;
                }
                throw new InputException(in.toString(), 0, "--frame " + k + " asked for, but the file has only " + r.framesRead() + " frames");
            }
            java.util.ArrayDeque<Frame> last = new java.util.ArrayDeque<>();
            while (r.hasNext()) {
                last.addLast(r.next());
                if (last.size() > -k) last.removeFirst();
            }
            if (last.size() < -k) {
                throw new InputException(in.toString(), 0, "--frame " + k + " asked for, but the file has only " + r.framesRead() + " frames");
            }
            return last.peekFirst();
        }
    }
}
