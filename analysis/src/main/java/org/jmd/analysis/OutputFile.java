package org.jmd.analysis;

import java.nio.file.Path;
import org.jmd.engine.Arguments;
import org.jmd.engine.InputException;
import org.jmd.io.StructureIO;

/** The {@code file=} of an analysis command, checked before anything runs. */
final class OutputFile {
    private OutputFile() {}

    /**
     * The file named by {@code file=}, resolved against the deck's directory, once
     * {@link StructureIO#checkWritable} finds it can be written (missing directories are created
     * when the file is written); a problem is reported at the command's line.
     */
    static Path of(Arguments a) {
        String name = a.string("file");
        Path resolved = a.resolve(name);
        try {
            StructureIO.checkWritable(resolved);
        } catch (InputException e) {
            throw a.error("file=" + name + ": " + e.problem());
        }
        return resolved;
    }
}
