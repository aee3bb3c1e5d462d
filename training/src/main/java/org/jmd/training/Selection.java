package org.jmd.training;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jmd.engine.Arguments;
import org.jmd.engine.Suggest;
import org.jmd.io.Frame;

/**
 * Which structures a {@code select}, {@code exclude} or {@code split} line picks:
 * {@code config_type=A,B} (exact names), {@code match=KEY:REGEX} (the regular expression is
 * found in info field KEY), and/or at random {@code random=N} or {@code fraction=F} with
 * {@code seed=S} among the structures the other criteria let through. Criteria on one line
 * combine with "and". Random picks shuffle with {@link java.util.Random}, whose sequence for a
 * seed is fixed by its specification, so a seed gives the same pick on every JVM.
 */
final class Selection {
    private final Set<String> configTypes;
    private final String matchKey;
    private final Pattern matchPattern;
    private final int count;
    private final double fraction;
    private final long seed;

    private Selection(Set<String> configTypes, String matchKey, Pattern matchPattern, int count, double fraction, long seed) {
        this.configTypes = configTypes;
        this.matchKey = matchKey;
        this.matchPattern = matchPattern;
        this.count = count;
        this.fraction = fraction;
        this.seed = seed;
    }

    /** Reads the criteria of one line; {@code random} says whether random=N is allowed (select/exclude) besides fraction=F. */
    static Selection parse(Arguments a, boolean allowCount) {
        Set<String> types = null;
        if (a.has(LabelledData.CONFIG_TYPE)) {
            types = new LinkedHashSet<>();
            for (String t : a.string(LabelledData.CONFIG_TYPE).split(",")) if (!t.isBlank()) types.add(t.strip());
            if (types.isEmpty()) throw a.error("config_type= names no config type");
        }
        String key = null;
        Pattern pattern = null;
        if (a.has("match")) {
            String m = a.string("match");
            int colon = m.indexOf(':');
            if (colon <= 0) throw a.error("match= expects KEY:REGEX (e.g. match=description:300K), got '" + m + "'");
            key = m.substring(0, colon);
            try {
                pattern = Pattern.compile(m.substring(colon + 1));
            } catch (PatternSyntaxException e) {
                throw a.error("match= has a bad regular expression: " + e.getDescription());
            }
        }
        int n = 0;
        if (allowCount && a.has("random")) {
            n = a.integer("random");
            if (n < 1) throw a.error("random= must be at least 1, got " + n);
        }
        double f = 0;
        if (a.has("fraction")) {
            f = a.real("fraction");
            if (!(f > 0 && f < 1)) throw a.error("fraction= must be between 0 and 1 (exclusive), got " + f);
            if (n > 0) throw a.error("give random=N or fraction=F, not both");
        }
        long seed = 0;
        boolean random = n > 0 || f > 0;
        if (random) {
            String s = a.string("seed");
            try {
                seed = Long.parseLong(s);
            } catch (NumberFormatException e) {
                throw a.error("seed= expects a whole number, got '" + s + "'");
            }
        } else if (a.has("seed")) {
            throw a.error("seed= applies only to a random pick (" + (allowCount ? "random=N or " : "") + "fraction=F)");
        }
        if (types == null && key == null && !random) {
            throw a.error("say which structures: config_type=A,B, match=KEY:REGEX" + (allowCount ? ", random=N" : "") + " or fraction=F (with seed=S)");
        }
        return new Selection(types, key, pattern, n, f, seed);
    }

    /** The structures picked, as a mask over {@code data}; names that match nothing are errors at {@code at}. */
    boolean[] pick(List<LabelledStructure> data, Arguments at) {
        check(data, at);
        List<Integer> candidates = new ArrayList<>();
        for (int k = 0; k < data.size(); k++) if (passes(data.get(k))) candidates.add(k);
        boolean[] picked = new boolean[data.size()];
        if (count == 0 && fraction == 0) {
            for (int k : candidates) picked[k] = true;
            return picked;
        }
        int want = count > 0 ? count : (int) Math.round(fraction * candidates.size());
        if (want > candidates.size()) throw at.error("random=" + count + " but only " + candidates.size() + " structures are eligible");
        if (want == 0) throw at.error("fraction=" + fraction + " of " + candidates.size() + " structures picks none");
        Random rnd = new Random(seed);
        for (int k = candidates.size() - 1; k > 0; k--) {
            int j = rnd.nextInt(k + 1);
            Integer t = candidates.get(k);
            candidates.set(k, candidates.get(j));
            candidates.set(j, t);
        }
        for (int k = 0; k < want; k++) picked[candidates.get(k)] = true;
        return picked;
    }

    private boolean passes(LabelledStructure s) {
        if (configTypes != null && !configTypes.contains(s.configType())) return false;
        if (matchKey != null) {
            String v = field(s, matchKey);
            return v != null && matchPattern.matcher(v).find();
        }
        return true;
    }

    private static String field(LabelledStructure s, String key) {
        if (key.equals(LabelledData.CONFIG_TYPE)) return s.configType();
        return s.frame().info.get(key);
    }

    /** A misspelt config type or info key would silently select nothing: say so instead. */
    private void check(List<LabelledStructure> data, Arguments at) {
        if (configTypes != null) {
            Set<String> known = new TreeSet<>();
            for (LabelledStructure s : data) known.add(s.configType());
            for (String t : configTypes) {
                if (!known.contains(t)) {
                    String near = Suggest.nearest(t, known);
                    throw at.error("no structure has config_type '" + t + "'" + (near == null ? "" : " (did you mean '" + near + "'?)")
                            + "; config types here: " + String.join(", ", known));
                }
            }
        }
        if (matchKey != null && !matchKey.equals(LabelledData.CONFIG_TYPE)) {
            Set<String> keys = new TreeSet<>();
            for (LabelledStructure s : data) {
                Frame f = s.frame();
                keys.addAll(f.info.keySet());
            }
            if (!keys.contains(matchKey)) {
                String near = Suggest.nearest(matchKey, keys);
                throw at.error("no structure has info field '" + matchKey + "'" + (near == null ? "" : " (did you mean '" + near + "'?)")
                        + "; fields here: " + (keys.isEmpty() ? "none" : String.join(", ", keys)));
            }
        }
    }
}
