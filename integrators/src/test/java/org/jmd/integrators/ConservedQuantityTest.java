package org.jmd.integrators;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jmd.engine.AtomicSystem;
import org.jmd.engine.md.Dynamics;
import org.jmd.engine.md.MaxwellBoltzmann;
import org.jmd.engine.md.Integrator;
import org.jmd.engine.md.Thermodynamics;
import org.junit.jupiter.api.Test;

/**
 * Potential + kinetic + reservoirEnergy() must stay constant for the deterministic NHC and, as
 * an effective energy, for CSVR, Langevin and NPT: its drift measures only the integration error. The system
 * starts far from the target temperature so the thermostat moves a lot of energy; the bound is
 * set against that flow (the conserved sum must drift by less than 1 % of the energy exchanged)
 * and in absolute terms per atom.
 */
class ConservedQuantityTest {
    @Test void noseHooverChainConservesExtendedEnergy() {
        check("nvt-nhc temperature=60 damping=200 chain=3", 1e-5);
    }

    @Test void csvrConservesEffectiveEnergy() {
        check("nvt-csvr temperature=60 damping=200 seed=5", 1e-5);
    }

    @Test void nptConservesEffectiveEnergyWithCellWork() {
        // the barostat's share is estimated to second order in each step's strain
        check("npt temperature=60 pressure=0 damping=200 pdamping=1000 couple=tri compressibility=4e-5 seed=5", 1e-5);
    }

    @Test void langevinTalliesExchangedHeat() {
        check("nvt-langevin temperature=60 damping=200 seed=5", 1e-5);
    }

    private static void check(String line, double boundPerAtom) {
        AtomicSystem s = LjArgon.fcc(5.30, 2);
        MaxwellBoltzmann.assign(s, 10, 8);
        Dynamics d = LjArgon.dynamics(s, 2.0);
        Integrator integrator = Ensembles.integrator(line);
        integrator.init(d);
        double h0 = d.forces.energy + Thermodynamics.kineticEnergy(s) + integrator.reservoirEnergy();
        double worst = 0, exchanged = 0;
        for (int k = 0; k < 20_000; k++) {
            integrator.step(d);
            double h = d.forces.energy + Thermodynamics.kineticEnergy(s) + integrator.reservoirEnergy();
            worst = Math.max(worst, Math.abs(h - h0));
            exchanged = Math.max(exchanged, Math.abs(integrator.reservoirEnergy()));
        }
        System.out.printf("%s: conserved quantity drift %.3g eV/atom, energy exchanged up to %.3g eV/atom%n",
                line, worst / s.size(), exchanged / s.size());
        assertTrue(exchanged / s.size() > 3e-3, "the thermostat should have moved energy: " + exchanged);
        assertTrue(worst / s.size() < boundPerAtom, line + ": conserved quantity drifted by " + worst / s.size() + " eV/atom");
        assertTrue(worst < 0.01 * exchanged, line + ": drift " + worst + " eV not small against the exchanged " + exchanged + " eV");
    }
}
