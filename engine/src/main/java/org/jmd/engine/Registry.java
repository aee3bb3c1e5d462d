package org.jmd.engine;

import java.util.Collections;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;

/**
 * The providers of one kind (potentials, ensembles, minimizers, analyses, trainers) by name,
 * found with {@link ServiceLoader}: a jar that lists its class in
 * {@code META-INF/services/<provider interface>} adds a name. Every kind is loaded, looked up and
 * reported the same way: two different classes claiming one name stop jmd at once (a deck would
 * otherwise get whichever the classpath happened to list first), and an unknown name is an
 * {@link InputException} at the deck line, with the nearest name and the known ones.
 */
public final class Registry<T extends Provider> {
    private final String kind;
    private final Map<String, T> byName = new TreeMap<>();

    /**
     * @param kind what a provider makes, as a deck user calls it ("potential", "ensemble", ...),
     *             for messages
     */
    public Registry(Iterable<? extends T> providers, String kind) {
        this.kind = kind;
        for (T p : providers) {
            T old = byName.put(p.name(), p);
            if (old != null && old.getClass() != p.getClass()) {
                throw new InputException("the " + kind + " name '" + p.name() + "' is claimed twice, by " + old.getClass().getName()
                        + " and by " + p.getClass().getName() + "; remove one of them from the classpath");
            }
        }
    }

    /** The providers of {@code type} visible to its class loader. */
    public static <T extends Provider> Registry<T> load(Class<T> type, String kind) {
        return new Registry<>(ServiceLoader.load(type, type.getClassLoader()), kind);
    }

    /** The provider {@code a.command()} names, or an error at a's line with the nearest name and the known ones. */
    public T get(Arguments a) {
        T p = byName.get(a.command());
        if (p != null) return p;
        String near = Suggest.nearest(a.command(), byName.keySet());
        throw new InputException(a.source(), a.line(), "unknown " + kind + " '" + a.command() + "'"
                + (near == null ? "" : " (did you mean '" + near + "'?)") + "; known: " + known());
    }

    public boolean has(String name) { return byName.containsKey(name); }

    /** The names, sorted. */
    public Set<String> names() { return Collections.unmodifiableSet(byName.keySet()); }

    /** The providers by name, sorted. */
    public Map<String, T> providers() { return Collections.unmodifiableMap(byName); }

    /** The names for a message: "a, b, c", or that there are none. */
    public String known() { return byName.isEmpty() ? "none on the classpath" : String.join(", ", byName.keySet()); }
}
