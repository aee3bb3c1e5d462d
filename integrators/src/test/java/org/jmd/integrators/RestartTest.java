package org.jmd.integrators;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.jmd.engine.AtomicSystem;
import org.jmd.engine.InputException;
import org.jmd.engine.md.Dynamics;
import org.jmd.engine.md.MaxwellBoltzmann;
import org.jmd.engine.md.Integrator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * saveState/restoreState: a run checkpointed after some steps and restarted in a fresh integrator
 * and calculator continues bit for bit like the uninterrupted run, random stream included.
 * At the checkpoint the uninterrupted run rebuilds its neighbor list too, as a restart must, so
 * both sum forces in the same order.
 */
class RestartTest {
    @ParameterizedTest
    @ValueSource(strings = {
        "nvt-langevin temperature=50 damping=100 seed=3",
        "nvt-csvr temperature=50 damping=100 seed=3",
        "nvt-nhc temperature=50 damping=100 chain=4",
        "npt temperature=50 pressure=100 damping=100 pdamping=500 couple=tri compressibility=3e-5 seed=3",
    })
    void checkpointedRunContinuesBitForBit(String line) {
        AtomicSystem s = LjArgon.fcc(5.30, 2);
        MaxwellBoltzmann.assign(s, 50, 1);
        Dynamics d = LjArgon.dynamics(s, 4.0);
        Integrator first = Ensembles.integrator(line);
        first.init(d);
        for (int k = 0; k < 300; k++) first.step(d);

        byte[] state = first.saveState();
        AtomicSystem saved = s.copy();
        long step = d.clock.step;
        double time = d.clock.time;
        d.calculator.invalidateNeighbors();
        d.computeForces();
        for (int k = 0; k < 300; k++) first.step(d);

        Dynamics restarted = LjArgon.dynamics(saved, 4.0);
        restarted.clock.step = step;
        restarted.clock.time = time;
        Integrator second = Ensembles.integrator(line);
        second.restoreState(state);
        second.init(restarted);
        for (int k = 0; k < 300; k++) second.step(restarted);

        assertArrayEquals(s.x, saved.x, 0.0);
        assertArrayEquals(s.v, saved.v, 0.0);
        assertArrayEquals(s.cell().matrix(), saved.cell().matrix(), 0.0);
        assertEquals(first.reservoirEnergy(), second.reservoirEnergy(), 0.0);
        assertEquals(d.clock.step, restarted.clock.step);
        assertEquals(d.clock.time, restarted.clock.time, 0.0);
        // and the trajectory is not trivially the same as from a different seed
        assertFalse(Arrays.equals(s.x, LjArgon.fcc(5.30, 2).x));
    }

    @Test void differentSeedsGiveDifferentTrajectories() {
        AtomicSystem a = LjArgon.fcc(5.30, 2), b = LjArgon.fcc(5.30, 2);
        Dynamics da = LjArgon.dynamics(a, 4.0), db = LjArgon.dynamics(b, 4.0);
        Integrator ia = Ensembles.integrator("nvt-langevin temperature=50 damping=100 seed=1");
        Integrator ib = Ensembles.integrator("nvt-langevin temperature=50 damping=100 seed=2");
        for (int k = 0; k < 10; k++) { ia.step(da); ib.step(db); }
        assertFalse(Arrays.equals(a.v, b.v));
    }

    @Test void stateOfAnotherEnsembleIsRejected() {
        byte[] state = Ensembles.integrator("nvt-csvr temperature=50 damping=100").saveState();
        InputException e = assertThrows(InputException.class,
                () -> Ensembles.integrator("nvt-langevin temperature=50 damping=100").restoreState(state));
        assertTrue(e.getMessage().contains("nvt-csvr"), e.getMessage());
    }

    private static void assertTrue(boolean b, String m) { org.junit.jupiter.api.Assertions.assertTrue(b, m); }
}
