// Draws every element with a data-chart attribute as a uPlot line chart. The attribute holds
// {"x": [epoch seconds or numbers], "time": true|false, "series": [{"label": "...", "values": [...]}]}.
// Colours come from the theme's --vx-chart-* custom properties, so branding restyles charts too.
(function () {
  function themed(name) {
    return getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  }

  function colour(i) {
    return themed("--vx-chart-" + ((i % 4) + 1));
  }

  function draw(root) {
    root.querySelectorAll("[data-chart]").forEach(function (el) {
      if (el.dataset.drawn) {
        return;
      }
      el.dataset.drawn = "true";
      var spec = JSON.parse(el.dataset.chart);
      var series = [{ label: spec.time ? "time" : "day" }];
      var data = [spec.x];
      spec.series.forEach(function (s, i) {
        series.push({ label: s.label, stroke: colour(i), width: 2, spanGaps: true });
        data.push(s.values);
      });
      var width = Math.max(320, el.clientWidth || 600);
      var axis = { stroke: themed("--vx-muted"), grid: { stroke: themed("--vx-border") }, ticks: { stroke: themed("--vx-border") } };
      new uPlot({ width: width, height: 220, scales: { x: { time: !!spec.time } },
                  axes: [axis, Object.assign({ size: 80 }, axis)], series: series }, data, el);
    });
  }

  function start() {
    draw(document);
    if (window.htmx) {
      htmx.onLoad(draw);
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
