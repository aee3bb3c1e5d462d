package org.jmd.cli;

import java.io.PrintWriter;
import org.jmd.engine.InputException;
import org.jmd.engine.ThreadTeam;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code jmd} command: one subcommand per job. */
@Command(name = "jmd", mixinStandardHelpOptions = true, version = "jmd 0.1.0",
        description = "Molecular dynamics for training and testing machine-learning interatomic potentials.%n"
                + "Units: Å, eV, fs, amu, K, e, bar.",
        subcommands = {EvalCommand.class, RunCommand.class, ServeCommand.class, ConvertCommand.class, TrainCommand.class, LabelCommand.class, TestCommand.class, TransferCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs jmd with the given arguments and streams; returns the exit code. Used by tests too. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        ThreadTeam.setDefaultThreads(Runtime.getRuntime().availableProcessors()); // until --threads says otherwise
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            Throwable t = ex;
            while (t.getCause() != null && !(t instanceof InputException)) t = t.getCause();
            if (t instanceof InputException) {
                err.println("jmd: error: " + t.getMessage());
                return 2;
            }
            err.println("jmd: internal error: " + ex);
            ex.printStackTrace(err);
            return 3;
        });
        return cl.execute(args);
    }
}
