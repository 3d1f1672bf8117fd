// The quest editor's graph: Cytoscape.js draws the content from #quest-graph's data-graph; a click on a node fills
// the node form with its fields (and the edge form's "from"), a click on an edge fills the edge form. Nodes with
// problems are drawn red and their problems shown. The graph is kept in window.questGraph for tests and tinkering.
(function () {
  var COLOURS = {quest: "--vx-chart-1", objective: "--vx-chart-2", reward: "--vx-chart-3"};

  // Colours come from the brand's theme (CSS custom properties), never from this file.
  function themed(name) {
    return getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  }

  function fill(form, fields) {
    form.querySelectorAll("input:not([type=hidden]), select").forEach(function (input) {
      var value = fields[input.name];
      input.value = value === undefined || value === null ? "" : String(value);
    });
  }

  function start() {
    var box = document.getElementById("quest-graph");
    if (!box || box.dataset.drawn || typeof cytoscape === "undefined") {
      return;
    }
    box.dataset.drawn = "true";
    var graph = JSON.parse(box.dataset.graph);
    var text = themed("--vx-text");
    var quiet = themed("--vx-muted");
    var danger = themed("--vx-danger");
    var cy = cytoscape({
      container: box,
      elements: {nodes: graph.nodes, edges: graph.edges},
      layout: graph.nodes.length <= 300 ? {name: "cose", animate: false, randomize: false} : {name: "grid"},
      style: [
        {selector: "node", style: {"label": "data(label)", "color": text, "font-size": 10, "background-color": function (n) {
          var colour = COLOURS[n.data("type")];
          return colour ? themed(colour) : quiet;
        }}},
        {selector: "node[problem]", style: {"border-width": 4, "border-color": danger}},
        {selector: "edge", style: {"label": "data(type)", "font-size": 8, "color": quiet, "width": 1, "line-color": quiet,
          "target-arrow-shape": "triangle", "target-arrow-color": quiet, "curve-style": "bezier"}},
        {selector: ":selected", style: {"border-width": 3, "border-color": text}}
      ]
    });
    cy.nodes("[problem]").addClass("problem");
    cy.on("tap", "node", function (event) {
      var node = event.target;
      fill(document.getElementById("node-form"), node.data("fields"));
      document.querySelector("#edge-form input[name=from]").value = node.id();
      var problem = document.getElementById("node-problem");
      problem.hidden = !node.data("problem");
      problem.textContent = node.data("problem") || "";
    });
    cy.on("tap", "edge", function (event) {
      var edge = event.target;
      fill(document.getElementById("edge-form"), {from: edge.data("source"), type: edge.data("type"), to: edge.data("target")});
    });
    if (graph.focus) {
      var focused = cy.getElementById(graph.focus);
      if (focused.nonempty()) {
        focused.select();
        focused.emit("tap");
      }
    }
    window.questGraph = cy;
  }

  document.addEventListener("DOMContentLoaded", start);
  document.addEventListener("htmx:afterSettle", start);
  start();
})();
