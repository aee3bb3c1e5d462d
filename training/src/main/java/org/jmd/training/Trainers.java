package org.jmd.training;

import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import org.jmd.engine.Arguments;
import org.jmd.engine.InputException;
import org.jmd.engine.Suggest;

/** The {@link TrainerProvider}s on the classpath, by name, for a deck's {@code model NAME ...} line. */
public final class Trainers {
    private final Map<String, TrainerProvider> byName = new TreeMap<>();

    private Trainers(ClassLoader loader) {
        for (TrainerProvider p : ServiceLoader.load(TrainerProvider.class, loader)) {
            TrainerProvider old = byName.put(p.name(), p);
            if (old != null && old.getClass() != p.getClass()) {
                throw new IllegalStateException("two trainers named '" + p.name() + "': " + old.getClass().getName() + " and " + p.getClass().getName());
            }
        }
    }

    public static Trainers load() { return new Trainers(Trainers.class.getClassLoader()); }

    public Map<String, TrainerProvider> providers() { return Map.copyOf(byName); }

    /** The provider {@code args.command()} names, or an error at its line listing the known ones. */
    public TrainerProvider get(Arguments args) {
        TrainerProvider p = byName.get(args.command());
        if (p != null) return p;
        String near = Suggest.nearest(args.command(), byName.keySet());
        throw new InputException(args.source(), args.line(), "model: unknown trainer '" + args.command() + "'"
                + (near == null ? "" : " (did you mean '" + near + "'?)")
                + "; known: " + (byName.isEmpty() ? "none on the classpath" : String.join(", ", byName.keySet())));
    }
}
