package org.jmd.analysis;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jmd.engine.Arguments;

/** The {@code file=} of an analysis command, checked before anything runs. */
final class OutputFile {
    private OutputFile() {}

    /**
     * The file named by {@code file=}, resolved against the deck's directory, once it is clear it
     * can be written: not a directory, and its nearest existing ancestor is a writable directory
     * (missing directories are created when the file is written).
     */
    static Path of(Arguments a) {
        String name = a.string("file");
        Path resolved = a.resolve(name), file = resolved.toAbsolutePath().normalize();
        if (Files.isDirectory(file)) throw a.error("file=" + name + " is a directory");
        Path dir = file.getParent();
        while (dir != null && !Files.exists(dir)) dir = dir.getParent();
        if (dir == null) throw a.error("file=" + name + ": no existing directory above " + file);
        if (!Files.isDirectory(dir)) throw a.error("file=" + name + ": " + dir + " is not a directory");
        if (!Files.isWritable(dir)) throw a.error("file=" + name + ": cannot write in " + dir);
        return resolved;
    }
}
