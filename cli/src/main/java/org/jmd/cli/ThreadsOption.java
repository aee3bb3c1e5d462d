package org.jmd.cli;

import org.jmd.engine.ThreadTeam;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code --threads N} for every command: how many threads force kernels (and per-structure work) use. */
final class ThreadsOption {
    @Spec(Spec.Target.MIXEE) CommandSpec spec;

    @Option(names = "--threads", paramLabel = "N",
            description = "Threads for force kernels and per-structure work (default: all cores). Results are the same bits for any N.")
    void setThreads(int n) {
        try {
            ThreadTeam.setDefaultThreads(n);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--" + e.getMessage());
        }
    }

    /** The thread count in force: --threads if given, else the available cores. */
    static int threads() { return ThreadTeam.defaultThreads(); }
}
