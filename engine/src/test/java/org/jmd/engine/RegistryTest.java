package org.jmd.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The one registry every kind of provider goes through, on provider interfaces that exist only
 * on the test classpath (listed in this module's test META-INF/services): found by name,
 * an unknown name reported at its deck line with the nearest and the known names, and two
 * classes claiming one name refused.
 */
class RegistryTest {
    public interface Greeting extends Provider {}

    /** Listed with {@link World} under Greeting. */
    public static final class Hello implements Greeting {
        @Override public String name() { return "hello"; }
        @Override public String usage() { return "hello"; }
    }

    public static final class World implements Greeting {
        @Override public String name() { return "world"; }
        @Override public String usage() { return "world"; }
    }

    /** Listed under Clash together with {@link Impostor}, which claims the same name. */
    public interface Clash extends Provider {}

    public static final class Original implements Clash {
        @Override public String name() { return "hello"; }
        @Override public String usage() { return "hello"; }
    }

    public static final class Impostor implements Clash {
        @Override public String name() { return "hello"; }
        @Override public String usage() { return "hello again"; }
    }

    private static Arguments line(String text) { return Arguments.parseLine(text, "in.deck", 4, null); }

    @Test void findsTheProvidersOnTheClasspathByName() {
        Registry<Greeting> r = Registry.load(Greeting.class, "greeting");
        assertEquals(List.of("hello", "world"), List.copyOf(r.names()));
        assertTrue(r.get(line("world x=1")) instanceof World);
        assertTrue(r.has("hello") && !r.has("bye"));
    }

    @Test void anUnknownNameIsAnErrorAtItsLineWithTheNearestAndTheKnownNames() {
        InputException e = assertThrows(InputException.class, () -> Registry.load(Greeting.class, "greeting").get(line("helo")));
        assertEquals("in.deck:4: unknown greeting 'helo' (did you mean 'hello'?); known: hello, world", e.getMessage());
        InputException none = assertThrows(InputException.class, () -> new Registry<Greeting>(List.of(), "greeting").get(line("hello")));
        assertEquals("in.deck:4: unknown greeting 'hello'; known: none on the classpath", none.getMessage());
    }

    @Test void twoClassesClaimingOneNameAreRefusedNamingBoth() {
        InputException e = assertThrows(InputException.class, () -> Registry.load(Clash.class, "clash"));
        assertTrue(e.getMessage().contains("the clash name 'hello' is claimed twice")
                && e.getMessage().contains(Original.class.getName()) && e.getMessage().contains(Impostor.class.getName()), e.getMessage());
        // the same class found twice (a module jar and the shaded jar on one classpath) is one provider
        assertEquals(1, new Registry<Greeting>(List.of(new Hello(), new Hello()), "greeting").names().size());
    }
}
