package org.jmd.studies;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One row of the headline table: a test's metric with every model's cell, in model order.
 *
 * @param test    the test's title, e.g. "bulk diamond Si"
 * @param metric  what the cells measure
 * @param cells   by model name
 */
public record HeadlineRow(String test, Metric metric, Map<String, Score> cells) {
    public Map<String, Object> json() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("test", test);
        m.put("metric", metric.json());
        Map<String, Object> c = new LinkedHashMap<>();
        cells.forEach((k, v) -> c.put(k, v.json()));
        m.put("models", c);
        return m;
    }
}
