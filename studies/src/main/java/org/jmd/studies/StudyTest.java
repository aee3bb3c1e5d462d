package org.jmd.studies;

/**
 * One test of a study (a {@code bulk}, {@code surface}, {@code nanoparticle}, {@code liquid},
 * {@code vdos} or {@code data} line), checked when the deck is read and run later against every
 * model and the reference. A model that fails the test (a relaxation that diverges, a liquid that
 * explodes) is an entry of the outcome, never an exception.
 */
public interface StudyTest {
    /** Unique within the study: the name of the test's folder in the output and its key in summary.json. */
    String id();

    /** A human title for tables and headings, e.g. "bulk diamond Si a=5.431". */
    String title();

    /** Whether the test needs a reference potential ({@code reference LINE}) to compare with. */
    boolean needsReferencePotential();

    /** Runs the test; files go into {@code context.testDir(id())}. */
    TestOutcome run(StudyContext context);
}
