package org.jmd.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jmd.engine.InputException;

/**
 * A structure file format: reads frames one at a time from text and writes them. The four
 * implementations are {@link ExtXyz} ({@code extxyz}), {@link LammpsData} ({@code lammps-data}),
 * {@link Poscar} ({@code poscar}) and {@link N2p2Data} ({@code n2p2}); {@link #forFile} picks
 * one from a file name the way users name their files.
 */
public interface StructureFormat {
    /** The name users give on the command line ({@code --from}, {@code --to}). */
    String name();

    /** Whether one file can hold several frames (a trajectory or a training set). */
    boolean multiFrame();

    /**
     * Reads the next frame, or returns null at the end of the input. {@code lineNo[0]} is the
     * number of lines consumed so far; it is advanced so that errors can name the line.
     */
    Frame readFrame(BufferedReader in, String source, int[] lineNo) throws IOException;

    /** Writes one frame; {@code target} names the file in error messages. */
    void writeFrame(Writer out, Frame frame, String target) throws IOException;

    /** The four formats, in the order they are listed to users. */
    static List<StructureFormat> all() {
        return List.of(ExtXyz.FORMAT, LammpsData.FORMAT, Poscar.FORMAT, N2p2Data.FORMAT);
    }

    /** The format of that name; an error listing the choices otherwise. */
    static StructureFormat named(String name) {
        for (StructureFormat f : all()) if (f.name().equalsIgnoreCase(name)) return f;
        throw new InputException("unknown structure format '" + name + "'; choose one of " + names());
    }

    /**
     * The format a file name implies: {@code *.extxyz}, {@code *.xyz} → extxyz;
     * {@code input.data}, {@code *.n2p2} → n2p2; {@code *.lmp}, {@code *.data} → lammps-data;
     * {@code POSCAR*}, {@code CONTCAR*}, {@code *.vasp}, {@code *.poscar} → poscar.
     */
    static StructureFormat forFile(Path path) {
        String file = path.getFileName() == null ? "" : path.getFileName().toString();
        String lower = file.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".extxyz") || lower.endsWith(".xyz")) return ExtXyz.FORMAT;
        // input.data is n2p2's fixed name; it must be tested before the generic *.data rule
        if (lower.equals("input.data") || lower.endsWith(".n2p2")) return N2p2Data.FORMAT;
        if (lower.endsWith(".lmp") || lower.endsWith(".data")) return LammpsData.FORMAT;
        if (file.startsWith("POSCAR") || file.startsWith("CONTCAR") || lower.endsWith(".vasp") || lower.endsWith(".poscar")) {
            return Poscar.FORMAT;
        }
        throw new InputException(path.toString(), 0, "cannot tell the structure format from the file name; name it "
                + "*.extxyz or *.xyz (extxyz), *.lmp or *.data (lammps-data), POSCAR*, CONTCAR*, *.vasp or *.poscar (poscar), "
                + "input.data or *.n2p2 (n2p2), or give the format explicitly: one of " + names());
    }

    /** The named format if {@code name} is given, else the one the file name implies. */
    static StructureFormat choose(Path path, String name) {
        if (name == null || name.isBlank()) return forFile(path);
        try {
            return named(name);
        } catch (InputException e) {
            throw e.at(path.toString(), 0);
        }
    }

    /** "extxyz, lammps-data, poscar, n2p2". */
    static String names() {
        List<String> n = new ArrayList<>();
        for (StructureFormat f : all()) n.add(f.name());
        return String.join(", ", n);
    }
}
