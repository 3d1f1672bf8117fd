// Draws a world's claims on <canvas data-claim-map='{"claims": [[minX, minZ, maxX, maxZ, kind], ...]}'>,
// scaled to fit, north up. Kinds: 0 player claim, 1 admin claim, 2 subdivision. Colours come from the
// theme's --vx-chart-* properties, so a brand restyles the map too.
(function () {
  function themed(name) {
    return getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  }

  function draw(root) {
    root.querySelectorAll("canvas[data-claim-map]").forEach(function (canvas) {
      if (canvas.dataset.drawn) {
        return;
      }
      canvas.dataset.drawn = "true";
      var claims = JSON.parse(canvas.dataset.claimMap).claims;
      var ctx = canvas.getContext("2d");
      if (claims.length === 0) {
        return;
      }
      var minX = Infinity, minZ = Infinity, maxX = -Infinity, maxZ = -Infinity;
      claims.forEach(function (c) {
        minX = Math.min(minX, c[0]); minZ = Math.min(minZ, c[1]);
        maxX = Math.max(maxX, c[2] + 1); maxZ = Math.max(maxZ, c[3] + 1);
      });
      var pad = 10;
      var scale = Math.min((canvas.width - 2 * pad) / (maxX - minX), (canvas.height - 2 * pad) / (maxZ - minZ));
      var colours = [themed("--vx-chart-1"), themed("--vx-chart-2"), themed("--vx-chart-3")];
      claims.forEach(function (c) {
        var x = pad + (c[0] - minX) * scale;
        var y = pad + (c[1] - minZ) * scale;
        var w = Math.max(1, (c[2] + 1 - c[0]) * scale);
        var h = Math.max(1, (c[3] + 1 - c[1]) * scale);
        ctx.fillStyle = colours[c[4]];
        ctx.globalAlpha = c[4] === 2 ? 0.9 : 0.55;
        ctx.fillRect(x, y, w, h);
      });
      canvas.dataset.claimsDrawn = String(claims.length);
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
