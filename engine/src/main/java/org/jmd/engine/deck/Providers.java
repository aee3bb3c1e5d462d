package org.jmd.engine.deck;

import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.function.Function;
import org.jmd.engine.Arguments;
import org.jmd.engine.Suggest;

/** Integrators, minimizers and analyses by name, from the ServiceLoader providers on the classpath. */
final class Providers<T> {
    private final String kind;
    private final Map<String, T> byName = new TreeMap<>();

    Providers(Class<T> type, Function<T, String> name, String kind) {
        this.kind = kind;
        for (T p : ServiceLoader.load(type, Providers.class.getClassLoader())) byName.put(name.apply(p), p);
    }

    /** The provider named by {@code a.command()}, or an error listing the known ones. */
    T get(Arguments a) {
        T p = byName.get(a.command());
        if (p != null) return p;
        String near = Suggest.nearest(a.command(), byName.keySet());
        throw new org.jmd.engine.InputException(a.source(), a.line(), "unknown " + kind + " '" + a.command() + "'"
                + (near == null ? "" : " (did you mean '" + near + "'?)")
                + "; known: " + (byName.isEmpty() ? "none on the classpath" : String.join(", ", byName.keySet())));
    }

    boolean has(String name) { return byName.containsKey(name); }

    /** The names, sorted. */
    java.util.Set<String> names() { return java.util.Collections.unmodifiableSet(byName.keySet()); }
}
