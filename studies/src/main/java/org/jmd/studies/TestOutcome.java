package org.jmd.studies;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jmd.studies.report.ReportDocument;

/**
 * What a test produced: its rows of the headline table, every number for summary.json, the
 * structures the diagnostics should examine, its section of the report (tables and plots, whose
 * files it wrote into its folder) and, for tests that others summarize (bulk phases), a typed result.
 */
public final class TestOutcome {
    private final StudyTest test;
    private final List<HeadlineRow> rows = new ArrayList<>();
    private final Map<String, Object> json = new LinkedHashMap<>();
    private final List<Snapshot> snapshots = new ArrayList<>();
    private final ReportDocument section = new ReportDocument("");
    private Object result;

    public TestOutcome(StudyTest test) { this.test = test; }

    public StudyTest test() { return test; }

    public void row(HeadlineRow row) { rows.add(row); }

    public List<HeadlineRow> rows() { return rows; }

    /** summary.json's object for this test (add to it). */
    public Map<String, Object> json() { return json; }

    public void snapshot(Snapshot s) { snapshots.add(s); }

    public List<Snapshot> snapshots() { return snapshots; }

    /** The test's part of the report; image paths relative to the report's directory. */
    public ReportDocument section() { return section; }

    public void setResult(Object result) { this.result = result; }

    public Object result() { return result; }
}
