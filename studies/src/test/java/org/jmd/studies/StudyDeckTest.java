package org.jmd.studies;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jmd.engine.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every line of a study deck is checked before anything runs, and an error names the file and line. */
class StudyDeckTest {
    @TempDir Path tmp;

    private StudyPlan read(String text) {
        return new StudyDeck(new PrintWriter(new StringWriter())).read(text, "s.study", tmp);
    }

    private String error(String text) {
        return assertThrows(InputException.class, () -> read(text)).getMessage();
    }

    @Test void readsModelsReferenceAndTests() {
        StudyPlan p = read("reference " + TestData.sw() + "\nmodel a " + TestData.sw() + "\n"
                + "bulk lattice=diamond a=5.431 species=Si\nsurface lattice=diamond a=5.431 species=Si miller=1,1,1\n"
                + "data " + TestData.file("data/si-pbe/si_mlearn_test.extxyz") + "\n");
        assertEquals(1, p.models().size());
        assertEquals(3, p.tests().size());
        assertEquals("bulk-diamond", p.tests().get(0).id());
        assertEquals("surface-diamond-111", p.tests().get(1).id());
        assertEquals("data-si_mlearn_test", p.tests().get(2).id());
    }

    @Test void errorsNameTheLine() {
        String ref = "reference " + TestData.sw() + "\nmodel a " + TestData.sw() + "\n";
        assertTrue(error(ref + "bulk lattice=diamond a=5.431 species=Si stran=-0.1:0.1:7\n").startsWith("s.study:3: bulk: unknown option 'stran'"));
        assertTrue(error(ref + "bluk lattice=diamond\n").contains("s.study:3: unknown command 'bluk' (did you mean 'bulk'?)"));
        assertTrue(error(ref + "bulk lattice=diamnd a=5.431 species=Si\n").contains("s.study:3:"), "lattice checked at its line");
        assertTrue(error(ref + "bulk lattice=diamond a=5.431 species=Si strain=0.1:0.2:7\n").contains("must span the given lattice constant"));
        assertTrue(error(ref + "model a " + TestData.sw() + "\nbulk lattice=diamond a=5.431 species=Si\n").contains("s.study:3: model: a model called 'a' is already defined (line 2)"));
        assertTrue(error(ref + "model b nosuch x\nbulk lattice=diamond a=5.431 species=Si\n").contains("s.study:3:"));
        assertTrue(error(ref + "bulk lattice=diamond a=5.431 species=Si\nbulk lattice=diamond a=5.5 species=Si\n")
                .contains("s.study:4: bulk: another test is already called 'bulk-diamond'"));
        assertTrue(error(ref + "nanoparticle lattice=diamond a=5.431 species=Si radius=6 minimizer=bfgs\n").contains("did you mean 'lbfgs'"));
        assertTrue(error(ref + "surface lattice=diamond a=5.431 species=Si miller=1,1\n").contains("s.study:3: surface: miller= expects three indices"));
        assertTrue(error(ref).contains("no test"));
        // a test that needs the reference potential, in a study with only reference data
        String dataOnly = "reference data " + TestData.file("data/si-pbe/si_mlearn_test.extxyz") + "\nmodel a " + TestData.sw() + "\n";
        assertTrue(error(dataOnly + "bulk lattice=diamond a=5.431 species=Si\n").contains("s.study:3: bulk: needs a reference potential"));
        assertEquals(1, read(dataOnly + "data\n").tests().size());
        assertTrue(error("model a " + TestData.sw() + "\ndata\n").contains("no reference"));
    }

    /** A training deck is run dry when the study is read, so its errors come first, with its own file and line. */
    @Test void trainingDeckErrorsNameTheirOwnLine() throws Exception {
        Path train = tmp.resolve("bad.deck");
        Files.writeString(train, "read " + TestData.file("data/si-pbe/si_mlearn_test.extxyz") + "\nmodel linear ridge=-1\ntrain\n");
        String e = error("reference " + TestData.sw() + "\nmodel lin train=bad.deck\nbulk lattice=diamond a=5.431 species=Si\n");
        assertTrue(e.contains("bad.deck:2:"), e);
        Path good = tmp.resolve("good.deck");
        Files.writeString(good, "read " + TestData.file("data/si-pbe/si_mlearn_test.extxyz") + "\nmodel linear\ntrain\n");
        StudyPlan p = read("reference " + TestData.sw() + "\nmodel lin train=good.deck quick=no\nbulk lattice=diamond a=5.431 species=Si\n");
        assertEquals(good.toAbsolutePath().normalize(), p.models().get(0).trainDeck());
        assertEquals(false, p.models().get(0).quick());
    }
}
