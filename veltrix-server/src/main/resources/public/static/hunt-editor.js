// The hunt editor's map: the treasures of the rows drawn on the x/z plane (x east, z south) as circles of their
// find radius, redrawn as the rows change; a click on the map places the selected row's treasure there.
(function () {
  var SVG = "http://www.w3.org/2000/svg";
  var selected = null;

  function rows() {
    var body = document.getElementById("treasure-rows");
    return body ? Array.prototype.slice.call(body.rows) : [];
  }

  function field(row, name) {
    return row.querySelector("input[name='treasure." + name + "']");
  }

  function placed(row) {
    var x = parseFloat(field(row, "x").value), z = parseFloat(field(row, "z").value);
    var r = parseFloat(field(row, "radius").value);
    if (field(row, "item").value.trim() !== "" || !isFinite(x) || !isFinite(z)) {
      return null;
    }
    return {id: field(row, "id").value.trim() || "?", x: x, z: z, r: isFinite(r) && r > 0 ? r : 1, row: row};
  }

  function draw() {
    var map = document.getElementById("editor-map");
    if (!map) {
      return;
    }
    var spots = rows().map(placed).filter(Boolean);
    var minX = -100, minZ = -100, maxX = 100, maxZ = 100;
    if (spots.length > 0) {
      minX = Math.min.apply(null, spots.map(function (s) { return s.x - s.r; })) - 20;
      minZ = Math.min.apply(null, spots.map(function (s) { return s.z - s.r; })) - 20;
      maxX = Math.max.apply(null, spots.map(function (s) { return s.x + s.r; })) + 20;
      maxZ = Math.max.apply(null, spots.map(function (s) { return s.z + s.r; })) + 20;
    }
    var size = Math.max(maxX - minX, maxZ - minZ, 40);
    map.setAttribute("viewBox", minX + " " + minZ + " " + size + " " + size);
    while (map.firstChild) {
      map.removeChild(map.firstChild);
    }
    spots.forEach(function (s) {
      var g = document.createElementNS(SVG, "g");
      g.setAttribute("class", "treasure" + (s.row === selected ? " selected" : ""));
      g.setAttribute("data-id", s.id);
      var circle = document.createElementNS(SVG, "circle");
      circle.setAttribute("cx", s.x);
      circle.setAttribute("cy", s.z);
      circle.setAttribute("r", s.r);
      var label = document.createElementNS(SVG, "text");
      label.setAttribute("x", s.x);
      label.setAttribute("y", s.z - s.r - size / 60);
      label.setAttribute("font-size", size / 30);
      label.textContent = s.id;
      g.appendChild(circle);
      g.appendChild(label);
      map.appendChild(g);
    });
  }

  function select(row) {
    rows().forEach(function (r) { r.classList.toggle("selected", r === row); });
    selected = row;
    draw();
  }

  document.addEventListener("focusin", function (event) {
    var row = event.target.closest("#treasure-rows tr");
    if (row && row !== selected) {
      select(row);
    }
  });

  document.addEventListener("input", function (event) {
    if (event.target.closest("#treasure-rows")) {
      draw();
    }
  });

  document.addEventListener("click", function (event) {
    var map = event.target.closest("#editor-map");
    if (map) {
      // The selected row, or else the first row not yet placed.
      var row = selected || rows().filter(function (r) { return !placed(r) && field(r, "item").value.trim() === ""; })[0];
      if (!row) {
        return;
      }
      var point = map.createSVGPoint();
      point.x = event.clientX;
      point.y = event.clientY;
      var at = point.matrixTransform(map.getScreenCTM().inverse());
      field(row, "x").value = Math.round(at.x);
      field(row, "z").value = Math.round(at.y);
      select(row);
    } else if (event.target.closest("[data-add-row='treasure-rows']")) {
      setTimeout(draw, 0); // after editor.js added the row
    }
  });

  document.addEventListener("DOMContentLoaded", draw);
  document.addEventListener("htmx:afterSettle", function () {
    selected = null;
    draw();
  });
})();
