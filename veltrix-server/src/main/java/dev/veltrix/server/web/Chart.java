package dev.veltrix.server.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A line chart for a page: its title and the JSON that /static/charts.js draws with uPlot. The JSON
 * travels in a data attribute, so pages need no inline scripts.
 */
public record Chart(String id, String title, String spec) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Builds a chart over x values (epoch seconds when {@code time}) and named series of equal length. */
    static Chart of(String id, String title, List<? extends Number> x, boolean time, Map<String, List<? extends Number>> series) {
        List<Map<String, Object>> lines = new ArrayList<>();
        series.forEach((label, values) -> {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("label", label);
            line.put("values", values);
            lines.add(line);
        });
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("x", x);
        spec.put("time", time);
        spec.put("series", lines);
        try {
            return new Chart(id, title, JSON.writeValueAsString(spec));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a chart failed to serialise", e);
        }
    }
}
