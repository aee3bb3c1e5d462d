package org.jmd.training;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {
    @Test void writesNestedValuesEscapesAndNonFiniteAsNull() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("a", 1.5);
        m.put("b", List.of(1, "x\"y\\\n"));
        m.put("c", Double.NaN);
        m.put("d", Map.of());
        m.put("e", true);
        m.put("f", 2.0);
        m.put("g", 1e-12);
        m.put("h", new double[] {1.5, Double.NaN, 3});
        m.put("i", new int[] {4, 5});
        assertEquals("{\n  \"a\": 1.5,\n  \"b\": [\n    1,\n    \"x\\\"y\\\\\\n\"\n  ],\n  \"c\": null,\n  \"d\": {},\n  \"e\": true,\n"
                + "  \"f\": 2.0,\n  \"g\": 1.0E-12,\n  \"h\": [1.5, null, 3.0],\n  \"i\": [4, 5]\n}\n", Json.write(m));
    }
}
