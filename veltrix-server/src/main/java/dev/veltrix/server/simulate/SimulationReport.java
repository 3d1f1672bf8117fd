package dev.veltrix.server.simulate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Writes a simulation's days as {@code days.csv} and a self-contained {@code report.html} whose
 * charts (uPlot, inlined from its WebJar) show supply, the price index, inflation and the Gini
 * coefficient. The page needs no server and no network.
 */
final class SimulationReport {
    private static final String UPLOT = "/META-INF/resources/webjars/uplot/1.6.30/dist/";

    private SimulationReport() {
    }

    static void write(Path dir, List<DayRow> rows, String title) {
        try {
            Files.createDirectories(dir);
            StringBuilder csv = new StringBuilder(DayRow.csvHeader()).append('\n');
            rows.forEach(r -> csv.append(r.csv()).append('\n'));
            Files.writeString(dir.resolve("days.csv"), csv);
            Files.writeString(dir.resolve("report.html"), html(rows, title));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report to " + dir, e);
        }
    }

    private static String html(List<DayRow> rows, String title) {
        String data = "{days:" + series(rows, r -> r.day())
                + ",supply:" + series(rows, DayRow::supply) + ",issued:" + series(rows, DayRow::issued)
                + ",sunk:" + series(rows, DayRow::sunk) + ",index:" + series(rows, DayRow::priceIndex)
                + ",inflation:" + series(rows, DayRow::inflationDay) + ",gini:" + series(rows, DayRow::gini) + "}";
        return """
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8"><title>%s</title>
                <style>%s
                body{font-family:system-ui,sans-serif;margin:2rem;color:#1d2430;background:#fafbfc}
                h1{font-size:1.4rem} .charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(560px,1fr));gap:1.5rem}
                section{background:#fff;border:1px solid #dde3ea;border-radius:8px;padding:1rem}</style>
                <script>%s</script></head><body>
                <h1>%s</h1>
                <p>Days: %d. Raw numbers: <a href="days.csv">days.csv</a>.</p>
                <div class="charts"><section id="supply"><h2>Money supply</h2></section>
                <section id="index"><h2>Price index (day 1 = 100)</h2></section>
                <section id="inflation"><h2>Inflation per day (%%)</h2></section>
                <section id="gini"><h2>Wealth inequality (Gini)</h2></section></div>
                <script>
                const d = %s;
                function chart(id, series, values) {
                  new uPlot({width: 540, height: 260, scales: {x: {time: false}}, axes: [{}, {size: 90}],
                             series: [{label: "day"}].concat(series)},
                            [d.days].concat(values), document.getElementById(id));
                }
                chart("supply", [{label: "supply", stroke: "#2563eb"}, {label: "issued", stroke: "#16a34a"},
                                 {label: "sunk", stroke: "#dc2626"}], [d.supply, d.issued, d.sunk]);
                chart("index", [{label: "index", stroke: "#7c3aed"}], [d.index]);
                chart("inflation", [{label: "%% per day", stroke: "#ea580c"}], [d.inflation]);
                chart("gini", [{label: "Gini", stroke: "#0f766e"}], [d.gini]);
                </script></body></html>
                """.formatted(title, resource("uPlot.min.css"), resource("uPlot.iife.min.js"), title, rows.size(), data);
    }

    private static String series(List<DayRow> rows, Function<DayRow, Object> value) {
        return rows.stream().map(value).map(v -> v == null ? "null" : v instanceof BigDecimal b ? b.toPlainString() : v.toString())
                .collect(Collectors.joining(",", "[", "]"));
    }

    private static String resource(String name) {
        try (InputStream in = SimulationReport.class.getResourceAsStream(UPLOT + name)) {
            if (in == null) {
                throw new IllegalStateException("uPlot " + name + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
