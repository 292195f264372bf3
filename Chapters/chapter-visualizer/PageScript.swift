/// The page's style sheet and script, as the page embeds them (no network, no external fonts).
///
/// The script reads `D`, the data object the page defines before it: the trained model, the
/// starting P and Q, the ratings in training order and the Swift run's Σ|e| for every epoch. It
/// predicts as `MatrixFactorization.predict` does, μ + bᵤ + bᵢ + Σ pᵤf qᵢf summed left to right,
/// and steps as `MatrixFactorization.sgdStep` does, operation for operation, so that its doubles
/// equal Swift's to the last bit; it checks that on load and says so on the page.
///
/// It is written to answer within a frame, or close to it, on MovieLens' 943 × 1,682
/// (docs/bench-visualizer.sh times it): the page's elements are made once and a redraw rewrites
/// only what changed, the matrices' cells and the viewers' and movies' names heading them are
/// painted on canvases under empty, labelled table cells, the 3D view's points are stamped into
/// pixels rather than drawn one by one, and the self-check runs in slices between the reader's
/// interactions.
enum PageScript {
  static let css = #"""
    :root { color-scheme: light; --ink: #1a1a1a; --muted: #555; --line: #bbb; --blue: #0072B2;
      --orange: #D55E00; --focus: #000; }
    * { box-sizing: border-box; }
    body { margin: 0; padding: 1rem; font: 15px/1.45 system-ui, -apple-system, "Segoe UI",
      Roboto, sans-serif; color: var(--ink); background: #fff; }
    h1 { font-size: 1.3rem; margin: 0 0 .3rem; }
    h2 { font-size: 1.05rem; margin: 0 0 .4rem; }
    p { margin: .3rem 0; }
    .muted { color: var(--muted); font-size: .9rem; }
    #banner { background: #fff3cd; border: 3px solid #D55E00; padding: .6rem; font-weight: 600;
      margin: .5rem 0; }
    section { border: 1px solid #ddd; border-radius: 6px; padding: .7rem; margin: .6rem 0;
      min-width: 0; }
    .panels { display: grid; grid-template-columns: 1fr 1fr; gap: .6rem; }
    .panels section { margin: 0; }
    @media (max-width: 900px) { .panels { grid-template-columns: 1fr; } }
    .mats { display: grid; grid-template-areas: ". q ." "p rhat r"; gap: .5rem 1.2rem;
      justify-content: start; align-items: end; }
    #figQ { grid-area: q; } #figP { grid-area: p; } #figRhat { grid-area: rhat; }
    #figR { grid-area: r; }
    @media (max-width: 900px) { .mats { display: flex; flex-direction: column;
      align-items: flex-start; } #figRhat { order: 3; } #figR { order: 4; } }
    .mat { overflow-x: auto; max-width: 100%; }
    figure { margin: 0; }
    figcaption { font-weight: 600; font-size: .85rem; }
    /* Fixed layout: each column as wide as its first cell says, so that new headers do not make
       the browser measure every column again; the table grows from 0 to their sum. */
    table.grid { border-collapse: collapse; font-size: .68rem; font-variant-numeric: tabular-nums;
      table-layout: fixed; width: 0; }
    table.grid th[scope=col] { width: 2.1rem; padding: 0; font-size: .62rem; }
    table.grid th { font-weight: 400; color: var(--muted); padding: 0 .2rem; white-space: nowrap;
      max-width: 5.5rem; overflow: hidden; text-overflow: ellipsis; }
    table.grid th[scope=row] { width: 5.5rem; min-width: 5.5rem; text-align: right; }
    /* The viewers' and movies' headers are painted on the canvas too (their cells carry the
       names as aria-label, and as title once pointed at): new names change no text in the page, so nothing is laid
       out again when the window moves. */
    table.grid th { height: 1.4rem; }
    table.grid td { width: 2.1rem; min-width: 2.1rem; height: 1.4rem; border: 1px solid
      transparent; padding: 0; }
    table.grid td.sel { outline: 3px solid var(--focus); outline-offset: -1px; }
    /* The cells' colours and numbers are painted on a canvas under each table; the cells
       themselves stay empty boxes that carry the numbers for screen readers (aria-label) and
       take the pointer and the keyboard. */
    .mat { position: relative; }
    table.grid { position: relative; }
    canvas.cells { position: absolute; left: 0; top: 0; pointer-events: none; }
    #Rhat td { cursor: pointer; }
    #Rhat td:focus { outline: 3px solid var(--focus); outline-offset: 1px; }
    .nav { display: flex; flex-wrap: wrap; gap: .4rem; align-items: center; margin: .3rem 0; }
    button, select { font: inherit; font-size: .85rem; padding: .25rem .55rem; }
    select { min-width: 0; max-width: 100%; }
    button:focus-visible, select:focus-visible, input:focus-visible, svg:focus-visible,
      canvas:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
    #formula { font-size: 1rem; }
    #lines { display: block; width: 320px; max-width: 100%; height: auto; }
    output#prediction { font-weight: 700; font-size: 1.1rem; }
    .sliders { display: grid; grid-template-columns: auto 1fr 3.5rem; gap: .15rem .5rem;
      align-items: center; font-size: .85rem; }
    .sliders input { width: 100%; }
    ol#picks { margin: .2rem 0 0; padding-left: 1.4rem; font-size: .88rem; }
    table.log { border-collapse: collapse; font-size: .8rem; font-variant-numeric: tabular-nums; }
    table.log td, table.log th { padding: .1rem .5rem; text-align: right; border-bottom: 1px solid
      #eee; }
    #space3d { width: 100%; max-width: 420px; height: auto; touch-action: none; cursor: grab;
      border: 1px solid #ddd; border-radius: 4px; display: block; position: relative; }
    /* The 3D view's axes and points, under the view's own canvas, inside its border. */
    .stack { position: relative; width: 100%; max-width: 420px; }
    .stack canvas.layer { position: absolute; left: 1px; top: 1px; width: calc(100% - 2px);
      height: calc(100% - 2px); pointer-events: none; }
    .pass { color: #006d2c; font-weight: 600; }
    .fail { color: #b30000; font-weight: 700; }
    .sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
    """#

  static let javaScript = #"""
    "use strict";
    (function () {
      const k = D.k, nU = D.users.length, nI = D.items.length, mu = D.mu;
      const lo = D.scale[0], hi = D.scale[1], R = D.ratings, nR = R.length / 3;
      const g = D.settings.gamma, gb = D.settings.gammaB, lam = D.settings.lambda;
      const ROWS = Math.min(nU, D.window), COLS = Math.min(nI, D.window);
      const $ = (id) => document.getElementById(id);
      const esc = (s) => String(s).replace(/&/g, "&amp;").replace(/</g, "&lt;")
        .replace(/"/g, "&quot;");
      const fmt = (x, d) => (x < 0 ? "\u2212" : "") + Math.abs(x).toFixed(d);
      const signed = (x, d) => (x < 0 ? "\u2212 " : "+ ") + Math.abs(x).toFixed(d);

      function copy(m) {
        return { P: Float64Array.from(m.P), Q: Float64Array.from(m.Q),
          bu: Float64Array.from(m.bu), bi: Float64Array.from(m.bi) };
      }
      const start = { P: D.start.P, Q: D.start.Q, bu: new Float64Array(nU),
        bi: new Float64Array(nI) };
      const trained = copy(D.trained);
      let M = copy(trained);
      // Counts the changes to M, so that what was drawn from it is known to be stale; `moved`
      // lists the points ([key, n]) whose factors changed since the 3D view last drew them, or is
      // null when any may have.
      let version = 0, moved = null;
      function changed(points) {
        version += 1;
        if (points && moved !== null && moved.length < 64) moved.push(...points);
        else moved = null;
      }
      const rated = new Map();
      for (let n = 0; n < nR; n++) rated.set(R[3 * n] * nI + R[3 * n + 1], R[3 * n + 2]);
      const ratedCount = new Int32Array(nU);
      for (const key of rated.keys()) ratedCount[Math.floor(key / nI)] += 1;

      // The prediction, summed in MatrixFactorization.predict's order.
      function dot(m, u, i) {
        let s = 0;
        for (let f = 0; f < k; f++) s += m.P[u * k + f] * m.Q[i * k + f];
        return s;
      }
      function predict(m, u, i) { return mu + m.bu[u] + m.bi[i] + dot(m, u, i); }

      // One SGD step on rating n, operation for operation as MatrixFactorization.sgdStep.
      function step(m, n) {
        const u = R[3 * n], i = R[3 * n + 1], r = R[3 * n + 2];
        const e = r - predict(m, u, i);
        m.bu[u] += gb * (e - lam * m.bu[u]);
        m.bi[i] += gb * (e - lam * m.bi[i]);
        for (let f = 0; f < k; f++) {
          const p = m.P[u * k + f], q = m.Q[i * k + f];
          const pNew = lam === 0 ? p + (g * e) * q : p + g * (e * q - lam * p);
          m.P[u * k + f] = pNew;
          m.Q[i * k + f] = lam === 0 ? q + (g * e) * pNew : q + g * (e * pNew - lam * q);
        }
        return e;
      }
      function sameModel(a, b) {
        for (const key of ["P", "Q", "bu", "bi"]) {
          for (let n = 0; n < a[key].length; n++) if (a[key][n] !== b[key][n]) return key;
        }
        return null;
      }

      const S = { u: D.viewer, i: D.movie, r0: 0, c0: 0, yaw: -0.6, pitch: 0.35 };
      function showMismatch(text) {
        const b = $("banner");
        b.hidden = false;
        b.textContent = "Mismatch with the Swift run: " + text;
      }
      // Runs a task after the browser has had its turn: a message, not setTimeout, which waits at
      // least 4 ms once nested.
      const channel = new MessageChannel(), tasks = [];
      channel.port1.onmessage = () => tasks.shift()();
      function later(task) {
        tasks.push(task);
        channel.port2.postMessage(null);
      }

      // Self-check: replay every epoch from the embedded start and compare with Swift's run. It
      // works in slices of about 8 ms, so the page answers the reader while it runs (on MovieLens
      // the replay is 2,000,000 steps); each epoch's Σ|e| is summed rating by rating, in
      // training order.
      function selfCheck() {
        const m = copy(start), el = $("selfcheck"), epochs = D.epochTotals.length;
        let e = 0, n = 0, total = 0;
        function fail(text) {
          el.className = "fail";
          el.dataset.status = "fail";
          el.textContent = "Self-check failed: " + text;
          showMismatch(el.textContent);
        }
        function slice() {
          const until = performance.now() + 8;
          while (e < epochs) {
            const end = Math.min(nR, n + 2000);
            for (; n < end; n++) total += Math.abs(step(m, n));
            if (n === nR) {
              if (total !== D.epochTotals[e]) {
                fail("epoch " + (e + 1) + " gave \u03a3|e| = " + total + " here, " +
                  D.epochTotals[e] + " in Swift.");
                return;
              }
              e += 1;
              n = 0;
              total = 0;
            }
            if (e < epochs && performance.now() > until) return later(slice);
          }
          const differs = sameModel(m, trained);
          if (differs) {
            fail("after " + epochs + " epochs the page's " + differs +
              " differs from the Swift run's.");
            return;
          }
          el.className = "pass";
          el.dataset.status = "pass";
          el.textContent = "Self-check passed: this browser replayed all " + epochs +
            " epochs (" + (nR * epochs).toLocaleString("en") + " steps) from the embedded start" +
            " and got the Swift run's \u03a3|e| for every epoch and its trained P, Q and biases," +
            " bit for bit.";
        }
        slice();
      }

      // ---- The matrices: one window of ROWS × COLS drawn. Its cells are made once; a redraw
      // repaints only what changed in them (a slider move: one row or column of predictions) and
      // rewrites only the labels and data that changed, never the tables.
      const clamp01 = (t) => Math.max(0, Math.min(1, t));
      // A colour as a background and whether text on it is white, in steps of 1% of lightness
      // (finer than the eye tells apart): each step's made once, as the #rrggbb a canvas gives
      // back, so that painting a cell builds no colour string of its own.
      const probe = document.createElement("canvas").getContext("2d");
      const palette = (hue) => Array.from({ length: 101 }, (_, l) => {
        probe.fillStyle = "hsl(" + hue + l + "%)";
        return [probe.fillStyle, l < 60];
      });
      const ratingSwatches = palette("210,60%,"), plusSwatches = palette("205,70%,");
      const minusSwatches = palette("28,85%,");
      function ratingColour(v) {
        return ratingSwatches[Math.round(96 - 62 * clamp01((v - lo) / (hi - lo)))];
      }
      let factorMax = 1e-9;
      for (const x of trained.P) factorMax = Math.max(factorMax, Math.abs(x));
      for (const x of trained.Q) factorMax = Math.max(factorMax, Math.abs(x));
      function factorColour(v) {
        const l = Math.round(96 - 56 * Math.min(1, Math.abs(v) / factorMax));
        return (v < 0 ? minusSwatches : plusSwatches)[l];
      }
      function shortName(s) { return s.length > 12 ? s.slice(0, 11) + "\u2026" : s; }
      function keepInView() {
        if (S.u < S.r0) S.r0 = S.u;
        if (S.u >= S.r0 + ROWS) S.r0 = S.u - ROWS + 1;
        if (S.i < S.c0) S.c0 = S.i;
        if (S.i >= S.c0 + COLS) S.c0 = S.i - COLS + 1;
      }
      function cellLabel(u, i, x) {
        const v = rated.get(u * nI + i);
        return D.users[u] + ", " + D.items[i] + ": predicted " + x.toFixed(2) +
          (v === undefined ? ", not rated" : ", rated " + v);
      }
      // Text that changes in place: the page's own text node, rewritten only when it differs.
      function textIn(el) {
        el.textContent = " ";
        return el.firstChild;
      }
      function put(text, s) {
        if (text.data !== s) text.data = s;
      }
      // The tables' skeletons: a header row of movies (or factors), then one row per viewer (or
      // factor).
      const cells = (n, cell) => cell.repeat(n);
      const itemHeads = cells(COLS, "<th scope=\"col\"></th>");
      const rowsOf = (n, row) => cells(n, "<tr><th scope=\"row\"></th>" + row +
        "</tr>");
      $("R").innerHTML = "<tr><th scope=\"row\"></th>" + itemHeads + "</tr>" +
        rowsOf(ROWS, cells(COLS, "<td></td>"));
      $("Rhat").innerHTML = "<tr><th scope=\"row\"></th>" + itemHeads + "</tr>" + rowsOf(ROWS,
        cells(COLS, "<td data-u=\"\" data-i=\"\" data-value=\"\" tabindex=\"-1\"></td>"));
      let factorHeads = "";
      for (let f = 0; f < k; f++) factorHeads += "<th scope=\"col\">f" + (f + 1) + "</th>";
      $("P").innerHTML = "<tr><th scope=\"row\"></th>" + factorHeads + "</tr>" +
        rowsOf(ROWS, cells(k, "<td></td>"));
      let qRows = "<tr><th scope=\"row\"></th>" + itemHeads + "</tr>";
      for (let f = 0; f < k; f++) {
        qRows += "<tr><th scope=\"row\">f" + (f + 1) + "</th>" +
          cells(COLS, "<td></td>") + "</tr>";
      }
      $("Qt").innerHTML = qRows;
      // Each cell with what it shows now, so a redraw compares before it paints or writes.
      const bodyOf = (id) => Array.from($(id).rows).slice(1).map((row) => Array.from(row.cells)
        .slice(1).map((td) => ({ td, shown: null, colour: null, hl: false, label: "" })));
      const grid = { R: bodyOf("R"), Rhat: bodyOf("Rhat"), P: bodyOf("P"), Q: bodyOf("Qt"),
        r0: -1, c0: -1 };
      // The header cells that name movies (the first row) and viewers (the first column); the
      // factors' headers, f1 to fk, are fixed text.
      const headsOf = (id) => ({
        items: Array.from($(id).rows[0].cells).slice(1).map((th) => ({ th, shown: "", name: "" })),
        users: Array.from($(id).rows).slice(1).map((row) => ({ th: row.cells[0], shown: "",
          name: "" })) });
      const heads = { R: headsOf("R"), Rhat: headsOf("Rhat"), P: headsOf("P"), Q: headsOf("Qt") };
      // A header's tooltip, its full name, written when the pointer comes to it.
      const headOf = new Map();
      for (const { items, users } of Object.values(heads)) {
        for (const head of [...items, ...users]) headOf.set(head.th, head);
      }
      for (const id of ["R", "Rhat", "P", "Qt"]) {
        $(id).addEventListener("mouseover", (e) => {
          const head = headOf.get(e.target.closest("th"));
          if (head && head.th.title !== head.name) head.th.title = head.name;
        });
      }
      // A canvas under each table, as large as it, each cell and each name painted there: 300
      // cells painted cost a few milliseconds, 300 cells' text rewritten in the page some 40 µs
      // each (laid out again, on this project's test machine). Where the cells are is measured
      // once the tables have their fixed widths, and again when the window is resized.
      const sheets = {};
      for (const [id, key] of [["R", "R"], ["Rhat", "Rhat"], ["P", "P"], ["Qt", "Q"]]) {
        const canvas = document.createElement("canvas");
        canvas.className = "cells";
        canvas.setAttribute("aria-hidden", "true");
        $(id).parentNode.insertBefore(canvas, $(id));
        sheets[key] = { canvas, table: $(id), pen: canvas.getContext("2d"), body: grid[key],
          heads: heads[key], dx: 0, dy: 0, x0: 0, y0: 0, hx: 0, hw: 0, hy: 0, hh: 0 };
      }
      const fontOf = (rem, weight) => weight + " " + (rem * 16) + "px system-ui, " +
        "-apple-system, \"Segoe UI\", Roboto, sans-serif";
      // One font for everything a matrix's canvas says (a movie's number in its header drawn
      // at 0.62/0.68 of its size by the canvas's transform): a canvas in the page whose font is
      // set, or whose text is measured, makes the browser bring the page's styles up to date
      // first, which cost up to 3 ms in the middle of a jump. Names are measured on a ruler
      // that is not in the page.
      const cellFont = fontOf(0.68, 400), columnHeadScale = 0.62 / 0.68;
      const ruler = document.createElement("canvas").getContext("2d");
      ruler.font = cellFont;
      // The hatching of a gap in R: grey stripes at 45°.
      const hatch = (() => {
        const tile = document.createElement("canvas"), pen = tile.getContext("2d");
        tile.width = 8;
        tile.height = 8;
        pen.fillStyle = "#f4f4f4";
        pen.fillRect(0, 0, 8, 8);
        pen.strokeStyle = "#e2e2e2";
        pen.lineWidth = 2.5;
        for (const d of [-8, 0, 8]) {
          pen.beginPath();
          pen.moveTo(d, 8);
          pen.lineTo(d + 8, 0);
          pen.stroke();
        }
        return tile;
      })();
      function measureCells() {
        const ratio = window.devicePixelRatio || 1;
        for (const sheet of Object.values(sheets)) {
          const body = sheet.body, rows = body.length, cols = body[0].length;
          const box = sheet.canvas.parentNode.getBoundingClientRect();
          const table = sheet.table.getBoundingClientRect();
          const corner = sheet.table.rows[0].cells[0].getBoundingClientRect();
          const first = body[0][0].td.getBoundingClientRect();
          const last = body[rows - 1][cols - 1].td.getBoundingClientRect();
          sheet.dx = cols > 1 ? (last.left - first.left) / (cols - 1) : first.width;
          sheet.dy = rows > 1 ? (last.top - first.top) / (rows - 1) : first.height;
          sheet.x0 = first.left - table.left;
          sheet.y0 = first.top - table.top;
          sheet.hx = corner.left - table.left;
          sheet.hw = corner.width;
          sheet.hy = corner.top - table.top;
          sheet.hh = corner.height;
          const width = table.width, height = table.height, canvas = sheet.canvas;
          canvas.style.cssText = "left: " + (table.left - box.left +
            sheet.canvas.parentNode.scrollLeft) + "px; top: " + (table.top - box.top) +
            "px; width: " + width + "px; height: " + height + "px";
          canvas.width = Math.round(width * ratio);
          canvas.height = Math.round(height * ratio);
          sheet.ratio = ratio;
          sheet.pen.setTransform(ratio, 0, 0, ratio, 0, 0);
          sheet.pen.font = cellFont;
          sheet.pen.direction = "ltr";
          sheet.pen.textAlign = "center";
          sheet.pen.textBaseline = "middle";
          sheet.hatch = sheet.pen.createPattern(hatch, "repeat");
          for (const row of body) for (const c of row) c.shown = null;
          for (const head of [...sheet.heads.items, ...sheet.heads.users]) head.shown = "";
        }
        grid.r0 = -1;
        grid.c0 = -1;
      }
      // Paints one cell (row a, column b) when what it shows changed: its colour or the gap's
      // hatching, its number (a gap shows its hatching alone), and a dark frame when it is in the
      // selected row or column.
      function show(sheet, a, b, text, colour, hl) {
        const c = sheet.body[a][b], gap = colour === null;
        // The swatches are made once each, so the same colour is the same object.
        if (c.shown === text && c.colour === colour && c.hl === hl) return;
        c.shown = text;
        c.colour = colour;
        c.hl = hl;
        const pen = sheet.pen, w = sheet.dx, h = sheet.dy;
        const x = sheet.x0 + b * w, y = sheet.y0 + a * h;
        pen.clearRect(x, y, w, h);
        pen.fillStyle = gap ? sheet.hatch : colour[0];
        pen.fillRect(x + 0.5, y + 0.5, w - 1, h - 1);
        if (hl) {
          pen.strokeStyle = "rgba(0, 0, 0, 0.6)";
          pen.lineWidth = 2;
          pen.strokeRect(x + 1.5, y + 1.5, w - 3, h - 3);
        }
        if (gap) return;
        pen.fillStyle = colour[1] ? "#fff" : "#111";
        pen.fillText(text, x + w / 2, y + h / 2 + 0.5);
      }
      // What a cell says to a screen reader, written when it changes.
      function label(c, text) {
        if (c.label === text) return;
        c.td.setAttribute("aria-label", text);
        c.label = text;
      }
      // The headers, the legend and the window's place: redrawn only when the window moves, and
      // then only the rows' or the columns' that moved. A header's name is painted (cut to its
      // box with an ellipsis) and kept in its cell's aria-label, for screen readers, and as the
      // cell's tooltip (title) once the pointer reaches it: a title written at every jump made
      // the browser restyle each of the 36 headers (any element's title can match a style rule).
      const windowText = textIn($("window")), legendText = textIn($("legend"));
      // A viewer's name as it fits its header, cut once per name and width.
      const fitted = new Map();
      function fit(text, width) {
        if (!fitted.has(width)) fitted.set(width, new Map());
        const cuts = fitted.get(width), known = cuts.get(text);
        if (known !== undefined) return known;
        let cut = text;
        if (ruler.measureText(cut).width > width) {
          while (cut.length > 1 && ruler.measureText(cut + "\u2026").width > width) {
            cut = cut.slice(0, -1);
          }
          cut += "\u2026";
        }
        cuts.set(text, cut);
        return cut;
      }
      function showHead(sheet, head, text, name, x, y, w, h, right) {
        if (head.shown === text + name) return;
        head.shown = text + name;
        head.name = name;
        head.th.setAttribute("aria-label", right ? name : text + ": " + name);
        const pen = sheet.pen;
        pen.clearRect(x, y, w, h);
        // A viewer's name right-aligned inside the cell's padding (0.2rem), cut to fit; a movie's
        // number centred, smaller (M1682 fits; the browser squeezes anything wider).
        if (right) {
          pen.fillText(fit(text, w - 6.4), x + w - 3.2, y + h / 2 + 0.5);
          return;
        }
        const r = sheet.ratio, s = columnHeadScale;
        pen.setTransform(r * s, 0, 0, r * s, r * (x + w / 2), r * (y + h / 2 + 0.5));
        pen.fillText(text, 0, 0, w / s);
        pen.setTransform(r, 0, 0, r, 0, 0);
      }
      function drawHeads(rows, columns) {
        for (const id of columns ? ["R", "Rhat", "Q"] : []) {
          const sheet = sheets[id];
          sheet.pen.fillStyle = "#555";
          sheet.heads.items.forEach((head, b) => {
            const i = grid.c0 + b;
            showHead(sheet, head, "M" + (i + 1), D.items[i], sheet.x0 + b * sheet.dx, sheet.hy,
              sheet.dx, sheet.hh, false);
          });
        }
        for (const id of rows ? ["R", "Rhat", "P"] : []) {
          const sheet = sheets[id], pen = sheet.pen;
          pen.fillStyle = "#555";
          pen.textAlign = "right";
          sheet.heads.users.forEach((head, a) => {
            const u = grid.r0 + a;
            showHead(sheet, head, shortName(D.users[u]), D.users[u], sheet.hx,
              sheet.y0 + a * sheet.dy, sheet.hw, sheet.dy, true);
          });
          pen.textAlign = "center";
        }
        put(windowText, "Viewers " + (grid.r0 + 1) + "\u2013" + (grid.r0 + ROWS) + " of " + nU +
          ", movies " + (grid.c0 + 1) + "\u2013" + (grid.c0 + COLS) + " of " + nI + ".");
        if (!columns) return;
        const names = [];
        for (let i = grid.c0; i < grid.c0 + COLS; i++) names.push("M" + (i + 1) + " " + D.items[i]);
        put(legendText, names.join(" \u00b7 "));
      }
      // The cells whose selection changed, for refresh to mark once the painting is done.
      const reselect = [];
      function drawMatrices() {
        keepInView();
        if (grid.r0 !== S.r0 || grid.c0 !== S.c0) {
          const rows = grid.r0 !== S.r0, columns = grid.c0 !== S.c0;
          grid.r0 = S.r0;
          grid.c0 = S.c0;
          drawHeads(rows, columns);
        }
        for (let a = 0; a < ROWS; a++) {
          const u = S.r0 + a;
          for (let b = 0; b < COLS; b++) {
            const i = S.c0 + b, v = rated.get(u * nI + i);
            const hl = u === S.u || i === S.i, sel = u === S.u && i === S.i;
            if (v === undefined) show(sheets.R, a, b, "", null, hl);
            else show(sheets.R, a, b, String(v), ratingColour(v), hl);
            label(grid.R[a][b], v === undefined ? "not rated" : "rated " + v);
            const x = predict(M, u, i), c = grid.Rhat[a][b], td = c.td;
            show(sheets.Rhat, a, b, x.toFixed(1), ratingColour(x), false);
            if (c.u !== u || c.i !== i || c.x !== x) {
              if (c.u !== u) td.dataset.u = u;
              if (c.i !== i) td.dataset.i = i;
              if (c.x !== x) td.dataset.value = x;
              label(c, cellLabel(u, i, x));
              c.u = u;
              c.i = i;
              c.x = x;
            }
            if (c.sel !== sel) {
              reselect.push(c);
              c.sel = sel;
            }
          }
          for (let f = 0; f < k; f++) {
            const x = M.P[u * k + f], text = fmt(x, 2);
            show(sheets.P, a, f, text, factorColour(x), u === S.u);
            label(grid.P[a][f], text);
          }
        }
        for (let f = 0; f < k; f++) {
          for (let b = 0; b < COLS; b++) {
            const i = S.c0 + b, x = M.Q[i * k + f], text = fmt(x, 2);
            show(sheets.Q, f, b, text, factorColour(x), i === S.i);
            label(grid.Q[f][b], text);
          }
        }
      }

      // ---- One prediction, term by term: the "glowing lines", painted on a canvas of 320 × (10 +
      // 34k) units (an SVG of 5k elements cost the browser a layout of its own at every move),
      // and the same numbers as text in the table beside it. The table is made once for k
      // factors; a redraw rewrites its numbers and repaints the lines.
      const termHeight = 34, linesHeight = 10 + k * termHeight, lines = $("lines");
      const linesPen = lines.getContext("2d"), linesFont = fontOf(0.75, 400);
      function sizeLines() {
        const ratio = window.devicePixelRatio || 1;
        lines.width = Math.round(320 * ratio);
        lines.height = Math.round(linesHeight * ratio);
        linesPen.setTransform(ratio, 0, 0, ratio, 0, 0);
        linesPen.font = linesFont;
        linesPen.direction = "ltr";
      }
      sizeLines();
      {
        let rows = "<tr><th>factor</th><th>p<sub>u</sub></th><th>q<sub>i</sub></th>" +
          "<th>product</th></tr>";
        for (let f = 0; f < k; f++) {
          rows += "<tr><td>f" + (f + 1) + "</td><td></td><td></td><td></td></tr>";
        }
        $("terms").innerHTML = rows + "<tr><td>sum</td><td></td><td></td><td></td></tr>";
        $("formula").innerHTML = "r\u0302 = \u03bc " + fmt(mu, 3) + " <span></span>" +
          " (b<sub>u</sub>) <span></span> (b<sub>i</sub>) <span></span> (p\u00b7q) =" +
          " <output id=\"prediction\" data-u=\"\" data-i=\"\" data-value=\"\"></output>";
      }
      const term = {
        name: textIn($("cellname")),
        parts: Array.from($("formula").querySelectorAll("span")).map(textIn),
        output: $("prediction"),
        value: textIn($("prediction")),
        rows: Array.from($("terms").rows).slice(1, k + 1).map((row) => Array.from(row.cells)
          .slice(1).map(textIn)),
        sum: textIn($("terms").rows[k + 1].cells[3]),
      };
      function drawCell() {
        const u = S.u, i = S.i, x = predict(M, u, i), v = rated.get(u * nI + i);
        const d = dot(M, u, i);
        put(term.name, D.users[u] + " \u00d7 " + D.items[i] +
          (v === undefined ? " (not rated)" : " (rated " + v + ")"));
        put(term.parts[0], signed(M.bu[u], 3));
        put(term.parts[1], signed(M.bi[i], 3));
        put(term.parts[2], signed(d, 3));
        term.output.dataset.u = u;
        term.output.dataset.i = i;
        term.output.dataset.value = x;
        put(term.value, x.toFixed(3));
        let big = 1e-9;
        for (let f = 0; f < k; f++) big = Math.max(big, Math.abs(M.P[u * k + f] * M.Q[i * k + f]));
        const pen = linesPen;
        pen.clearRect(0, 0, 320, linesHeight);
        for (let f = 0; f < k; f++) {
          const a = M.P[u * k + f], b = M.Q[i * k + f], t = a * b, y = 20 + f * termHeight;
          // Each product as a line as wide as its size, under a glow of the same colour: blue
          // solid adds, orange dashed subtracts.
          const width = 1.5 + 12 * Math.abs(t) / big;
          pen.strokeStyle = t < 0 ? "#D55E00" : "#0072B2";
          for (const [alpha, w, dash] of [[0.25, width + 8, []], [1, width, t < 0 ? [6, 3] : []]]) {
            pen.globalAlpha = alpha;
            pen.lineWidth = w;
            pen.setLineDash(dash);
            pen.beginPath();
            pen.moveTo(70, y);
            pen.lineTo(250, y);
            pen.stroke();
          }
          pen.globalAlpha = 1;
          pen.fillStyle = "#000";
          pen.textAlign = "right";
          pen.fillText("p" + (f + 1) + " " + fmt(a, 2), 62, y + 4);
          pen.textAlign = "left";
          pen.fillText("q" + (f + 1) + " " + fmt(b, 2), 258, y + 4);
          pen.textAlign = "center";
          pen.fillText(fmt(t, 3), 160, y - 8);
          put(term.rows[f][0], fmt(a, 3));
          put(term.rows[f][1], fmt(b, 3));
          put(term.rows[f][2], fmt(t, 3));
        }
        put(term.sum, fmt(d, 3));
      }

      // ---- Sliders for the selected viewer's and movie's factors, and the viewer's top picks.
      const range = Math.ceil(factorMax * 15) / 10;
      const sliderKinds = [["p", "P"], ["q", "Q"]];
      {
        let html = "";
        for (const [who] of sliderKinds) {
          for (let f = 0; f < k; f++) {
            html += "<label for=\"s" + who + f + "\">" + who + "<sub>" + (f + 1) + "</sub> " +
              "<span class=\"sr\" id=\"n" + who + f + "\"></span></label><input type=\"range\"" +
              " id=\"s" + who + f + "\" min=\"" + (-range) + "\" max=\"" + range + "\"" +
              " step=\"0.01\"/><output id=\"o" + who + f + "\"></output>";
          }
        }
        $("sliders").innerHTML = html;
      }
      // Each slider with the factor it moves (at) and the value it shows (x).
      const sliders = sliderKinds.map(([who, key]) => Array.from({ length: k }, (_, f) => ({
        key, input: $("s" + who + f), value: textIn($("o" + who + f)),
        name: textIn($("n" + who + f)), at: -1, x: NaN })));
      const sliderNames = textIn($("slidernames"));
      // Points the sliders at the selected viewer's and movie's factors.
      function setSliders() {
        for (const row of sliders) {
          for (const [f, slider] of row.entries()) {
            const key = slider.key, base = (key === "P" ? S.u : S.i) * k, x = M[key][base + f];
            if (slider.at === base + f && slider.x === x) continue;
            slider.at = base + f;
            slider.x = x;
            slider.input.value = x;
            put(slider.value, fmt(x, 2));
            put(slider.name, key === "P" ? D.users[S.u] : D.items[S.i]);
          }
        }
        put(sliderNames, "p: " + D.users[S.u] + "; q: " + D.items[S.i]);
      }
      // The five best predictions among the viewer's unrated movies (all movies if every one is
      // rated), best first, ties to the lower index: kept by insertion while the movies go by, a
      // partial sort. - Complexity: O(nI) predictions, no sort of all nI.
      const PICKS = 5;
      // Each viewer's rated movies, listed once, so that the pass marks them in `skip` rather
      // than looking each movie up.
      const ratedItems = Array.from({ length: nU }, () => []);
      for (const key of rated.keys()) ratedItems[Math.floor(key / nI)].push(key % nI);
      const skip = new Uint8Array(nI);
      function topPicks(u) {
        const all = ratedCount[u] === nI, best = [];
        if (!all) for (const i of ratedItems[u]) skip[i] = 1;
        for (let i = 0; i < nI; i++) {
          if (skip[i]) continue;
          const x = predict(M, u, i);
          if (best.length === PICKS && !(x > best[PICKS - 1][1])) continue;
          let at = Math.min(best.length, PICKS - 1);
          while (at > 0 && best[at - 1][1] < x) at -= 1;
          best.splice(at, 0, [i, x]);
          if (best.length > PICKS) best.pop();
        }
        skip.fill(0);
        return best;
      }
      const pickTexts = [], picksHead = textIn($("pickshead"));
      let picked = "";
      // Redrawn when the viewer or M changes; a new movie leaves the picks as they are.
      function drawPicks() {
        if (picked === S.u + " " + version) return;
        picked = S.u + " " + version;
        const u = S.u, best = topPicks(u);
        put(picksHead, ratedCount[u] === nI
          ? D.users[u] + " has rated every movie: all of them ranked by prediction"
          : D.users[u] + "'s top picks among the " + (nI - ratedCount[u]) +
            " movies not yet rated");
        const list = $("picks");
        while (pickTexts.length < best.length) {
          pickTexts.push(textIn(list.appendChild(document.createElement("li"))));
        }
        while (pickTexts.length > best.length) {
          list.removeChild(list.lastChild);
          pickTexts.pop();
        }
        best.forEach(([i, x], n) => put(pickTexts[n], D.items[i] + ": " + x.toFixed(2) +
          (rated.has(u * nI + i) ? " (rated " + rated.get(u * nI + i) + ")" : "")));
      }

      // ---- The URL fragment: viewer, movie and any factor moved away from its trained value.
      function rowOf(key, base) {
        return Array.from(M[key].slice(base, base + k));
      }
      function writeHash() {
        let h = "u=" + S.u + "&i=" + S.i;
        const p = rowOf("P", S.u * k), q = rowOf("Q", S.i * k);
        if (p.some((x, f) => x !== trained.P[S.u * k + f])) h += "&p=" + p.join(",");
        if (q.some((x, f) => x !== trained.Q[S.i * k + f])) h += "&q=" + q.join(",");
        history.replaceState(null, "", "#" + h);
      }
      // Written once the reader pauses: a dragged slider fires dozens of input events a second,
      // and browsers ignore replaceState called that often.
      let hashTimer = 0;
      function hashSoon() {
        clearTimeout(hashTimer);
        hashTimer = setTimeout(writeHash, 150);
      }
      function readHash() {
        const parts = new URLSearchParams(location.hash.slice(1));
        const index = (name, n) => {
          const x = Number(parts.get(name));
          return parts.has(name) && Number.isInteger(x) && x >= 0 && x < n ? x : null;
        };
        S.u = index("u", nU) ?? S.u;
        S.i = index("i", nI) ?? S.i;
        for (const [name, key, base] of [["p", "P", S.u * k], ["q", "Q", S.i * k]]) {
          if (!parts.has(name)) continue;
          const xs = parts.get(name).split(",").map(Number);
          if (xs.length === k && xs.every(Number.isFinite)) {
            xs.forEach((x, f) => { M[key][base + f] = x; });
          }
        }
      }

      // ---- Training in the page, from the same start as the Swift run.
      const T = { m: null, epoch: 0, n: 0, sum: 0 };
      function trainStatus(text) {
        $("trainstatus").textContent = text;
      }
      function begin() {
        T.m = copy(start);
        T.epoch = 0;
        T.n = 0;
        T.sum = 0;
        M = T.m;
        changed();
        $("log").innerHTML = "<tr><th>epoch</th><th>\u03a3|e| here</th><th>\u03a3|e| Swift</th>" +
          "<th></th></tr>";
      }
      function finishEpoch() {
        const swift = D.epochTotals[T.epoch], same = T.sum === swift;
        T.epoch += 1;
        $("log").insertAdjacentHTML("beforeend", "<tr><td>" + T.epoch + "</td><td>" +
          T.sum.toFixed(6) + "</td><td>" + swift.toFixed(6) + "</td><td class=\"" +
          (same ? "pass\">equal" : "fail\">differs") + "</td></tr>");
        if (!same) showMismatch("epoch " + T.epoch + " gave \u03a3|e| = " + T.sum + ", Swift " +
          swift + ".");
        T.n = 0;
        T.sum = 0;
        if (T.epoch === D.epochTotals.length) {
          const differs = sameModel(T.m, trained);
          if (differs) showMismatch("after the last epoch " + differs + " differs.");
          trainStatus("All " + T.epoch + " epochs done: " + (differs ? "the parameters differ " +
            "from" : "every parameter equals") + " the Swift run's trained model.");
        }
      }
      function stepRating() {
        if (!T.m || T.epoch === D.epochTotals.length) begin();
        const u = R[3 * T.n], i = R[3 * T.n + 1], r = R[3 * T.n + 2];
        const e = step(T.m, T.n);
        changed([["P", u], ["Q", i]]);
        T.sum += Math.abs(e);
        T.n += 1;
        S.u = u;
        S.i = i;
        trainStatus("Epoch " + (T.epoch + 1) + ", rating " + T.n + " of " + nR + ": " +
          D.users[u] + " rated " + D.items[i] + " " + r + "; the error before the step was " +
          fmt(e, 4) + ".");
        if (T.n === nR) finishEpoch();
      }
      function stepEpoch() {
        if (!T.m || T.epoch === D.epochTotals.length) begin();
        while (T.n < nR) {
          T.sum += Math.abs(step(T.m, T.n));
          T.n += 1;
        }
        changed();
        finishEpoch();
        if (T.epoch < D.epochTotals.length) {
          trainStatus("Epoch " + T.epoch + " of " + D.epochTotals.length + " done.");
        }
      }

      // ---- The 3D view: viewers and movies by their first three factors, on a canvas. The points
      // are stamped into a pixel buffer, a few pixels each, rather than drawn one call at a time
      // (2,625 canvas calls cost a frame on MovieLens); the buffer is kept while neither the turn
      // nor the factors change, so a new selection only redraws the axes and its own arrows. The
      // canvas's name and the text below it say in words what it shows.
      function coords(m, key, n) {
        const c = [0, 0, 0];
        for (let f = 0; f < Math.min(3, k); f++) c[f] = m[key][n * k + f];
        return c;
      }
      let space = 1e-9;
      for (let u = 0; u < nU; u++) space = Math.max(space, Math.hypot(...coords(trained, "P", u)));
      for (let i = 0; i < nI; i++) space = Math.max(space, Math.hypot(...coords(trained, "Q", i)));
      // The turn by yaw about f2, then pitch, as coefficients: a point (a, b, c) lands at
      // (xa·a + xc·c, ya·a + yb·b + yc·c) in the canvas's 400 × 400 units, y pointing down.
      function turn() {
        const cy = Math.cos(S.yaw), sy = Math.sin(S.yaw), cp = Math.cos(S.pitch);
        const sp = Math.sin(S.pitch), s = 165 / space;
        return { xa: cy * s, xc: sy * s, ya: -sy * sp * s, yb: -cp * s, yc: cy * sp * s };
      }
      function project(t, c) {
        return [t.xa * c[0] + t.xc * c[2], t.ya * c[0] + t.yb * c[1] + t.yc * c[2]];
      }
      // Three canvases, one over the other: the axes, redrawn when the view turns; the points,
      // stamped into pixels (below); and on top the view itself, which takes the pointer, the
      // keyboard and the accessible name, with the two arrows, the shadow and the names: the
      // only layer a new selection or a slider move redraws whole.
      const view = $("space3d"), pen = view.getContext("2d"), stack = document.createElement("div");
      const axes = document.createElement("canvas"), axesPen = axes.getContext("2d");
      const cloud = document.createElement("canvas"), cloudPen = cloud.getContext("2d");
      stack.className = "stack";
      view.parentNode.insertBefore(stack, view);
      for (const layer of [axes, cloud]) {
        layer.className = "layer";
        layer.setAttribute("aria-hidden", "true");
        stack.appendChild(layer);
      }
      stack.appendChild(view);
      let axesKey = "";
      const font = "12px system-ui, -apple-system, \"Segoe UI\", Roboto, sans-serif";
      // A dot's coverage of each pixel around its centre, sampled 4 × 4 times per pixel.
      function disc(radius) {
        const reach = Math.ceil(radius + 0.5), size = 2 * reach + 1;
        const mask = new Float32Array(size * size);
        for (let y = 0; y < size; y++) {
          for (let x = 0; x < size; x++) {
            let inside = 0;
            for (let n = 0; n < 16; n++) {
              const dx = x - reach + ((n & 3) + 0.5) / 4 - 0.5;
              const dy = y - reach + ((n >> 2) + 0.5) / 4 - 0.5;
              if (dx * dx + dy * dy <= radius * radius) inside += 1;
            }
            mask[y * size + x] = inside / 16;
          }
        }
        return { mask, size, reach };
      }
      function block(side) {
        return { mask: new Float32Array(side * side).fill(1), size: side, reach: (side - 1) / 2 };
      }
      // All movies share one colour and all viewers another, so each kind is one layer: at each
      // pixel it keeps the share of light that gets through, Π(1 − αⱼ) over the points covering
      // it, what drawing them one over the other leaves. Stamping a point multiplies it in;
      // lifting it divides it out again (each 1 − α is at least 0.2), so a point that moves is
      // redrawn alone. `box` grows to hold every pixel touched.
      function stamp(layer, side, cx, cy, shape, opacity, box, lift) {
        const x0 = Math.round(cx - shape.reach), y0 = Math.round(cy - shape.reach);
        const size = shape.size, mask = shape.mask;
        const xa = Math.max(0, -x0), xb = Math.min(size, side - x0);
        const ya = Math.max(0, -y0), yb = Math.min(size, side - y0);
        if (xa >= xb || ya >= yb) return;
        for (let y = ya; y < yb; y++) {
          const row = (y0 + y) * side + x0, m = y * size;
          for (let x = xa; x < xb; x++) {
            const through = 1 - opacity * mask[m + x], o = row + x;
            if (lift) layer[o] /= through;
            else layer[o] *= through;
          }
        }
        box[0] = Math.min(box[0], x0 + xa);
        box[1] = Math.min(box[1], y0 + ya);
        box[2] = Math.max(box[2], x0 + xb);
        box[3] = Math.max(box[3], y0 + yb);
      }
      // Where each byte of an RGBA pixel goes in a 32-bit word, whatever the platform's byte order.
      const bytes = new Uint8Array(Uint32Array.of(0x03020100).buffer);
      const [red, green, blue, alpha] = [0, 1, 2, 3].map((n) => 8 * bytes.indexOf(n));
      // The two layers, the pixels made from them, and where each point was stamped (movies
      // first, then viewers), for the turn and size in `key`.
      const layers = { side: 0, image: null, words: null, movies: null, viewers: null,
        at: new Float64Array(2 * (nI + nU)), shapes: null, key: "" };
      function kinds(side) {
        const scale = side / 400;
        return { Q: [nI, layers.movies, block(Math.max(1, Math.round(5 * scale))), 0.7, 0],
          P: [nU, layers.viewers, disc(2.6 * scale), 0.8, nI] };
      }
      function spot(t, side, key, n, at) {
        const m = M[key], b = n * k, q3 = Math.min(3, k), scale = side / 400, half = side / 2;
        const c0 = m[b], c1 = q3 > 1 ? m[b + 1] : 0, c2 = q3 > 2 ? m[b + 2] : 0;
        layers.at[2 * at] = half + scale * (t.xa * c0 + t.xc * c2);
        layers.at[2 * at + 1] = half + scale * (t.ya * c0 + t.yb * c1 + t.yc * c2);
      }
      // Every point stamped afresh, or, when only some points moved, those lifted from where
      // they were and stamped where they are; then the pixels the stamps touched are remade.
      function stampCloud(t, side, key) {
        const box = [side, side, 0, 0], all = layers.key !== key || moved === null;
        if (layers.side !== side) {
          cloud.width = side;
          cloud.height = side;
          layers.side = side;
          layers.image = cloudPen.createImageData(side, side);
          layers.words = new Uint32Array(layers.image.data.buffer);
          layers.movies = new Float64Array(side * side);
          layers.viewers = new Float64Array(side * side);
          layers.shapes = kinds(side);
        }
        const { words, movies, viewers, at, shapes } = layers;
        if (all) {
          movies.fill(1);
          viewers.fill(1);
          words.fill(0);
          for (const key of ["Q", "P"]) {
            const [n, layer, shape, opacity, first] = shapes[key];
            for (let j = 0; j < n; j++) {
              spot(t, side, key, j, first + j);
              stamp(layer, side, at[2 * (first + j)], at[2 * (first + j) + 1], shape, opacity, box,
                false);
            }
          }
        } else {
          for (const [key, j] of moved) {
            const [, layer, shape, opacity, first] = shapes[key], a = 2 * (first + j);
            stamp(layer, side, at[a], at[a + 1], shape, opacity, box, true);
            spot(t, side, key, j, first + j);
            stamp(layer, side, at[a], at[a + 1], shape, opacity, box, false);
          }
        }
        layers.key = key;
        moved = [];
        if (box[0] >= box[2] || box[1] >= box[3]) return;
        // Viewers (#E69F00) over movies (#0072B2), one pixel at a time, as ImageData holds them:
        // not premultiplied.
        for (let y = box[1]; y < box[3]; y++) {
          for (let x = box[0]; x < box[2]; x++) {
            const o = y * side + x, p = Math.max(0, 1 - viewers[o]);
            const q = Math.max(0, 1 - movies[o]), a = p + q * (1 - p);
            if (a < 1e-6) {
              words[o] = 0;
              continue;
            }
            const wp = p / a, wq = 1 - wp;
            words[o] = ((230 * wp + 0.5) << red) | ((159 * wp + 114 * wq + 0.5) << green) |
              ((178 * wq + 0.5) << blue) | ((255 * a + 0.5) << alpha);
          }
        }
        cloudPen.putImageData(layers.image, 0, 0, box[0], box[1], box[2] - box[0],
          box[3] - box[1]);
      }
      let pending = false, visible = true, shownSpace = null;
      function paint3d() {
        pending = false;
        if (!visible) return;
        // As many canvas pixels as screen pixels, in units of a 400 × 400 square around 0.
        const side = Math.round(Math.max(100, view.clientWidth) * (window.devicePixelRatio || 1));
        if (view.width !== side) {
          view.width = side;
          view.height = side;
        }
        // The points at one pixel per CSS pixel whatever the screen's density, so that their cost
        // does not grow with it; the lines and words over them at full resolution.
        const dots = Math.round(Math.max(100, view.clientWidth)), t = turn();
        const key = dots + " " + S.yaw + " " + S.pitch;
        if (layers.key !== key || moved === null || moved.length > 0) stampCloud(t, dots, key);
        if (axesKey !== side + " " + key) {
          axesKey = side + " " + key;
          if (axes.width !== side) {
            axes.width = side;
            axes.height = side;
          }
          axesPen.setTransform(1, 0, 0, 1, 0, 0);
          axesPen.clearRect(0, 0, side, side);
          axesPen.setTransform(side / 400, 0, 0, side / 400, side / 2, side / 2);
          axesPen.font = font;
          axesPen.lineWidth = 1;
          axesPen.strokeStyle = "#999";
          axesPen.fillStyle = "#555";
          ["f1", "f2", "f3"].forEach((name, a) => {
            const e = [0, 0, 0];
            e[a] = space;
            const [x, y] = project(t, e);
            axesPen.beginPath();
            axesPen.moveTo(-x, -y);
            axesPen.lineTo(x, y);
            axesPen.stroke();
            axesPen.fillText(name + (a < k ? "" : " (k < " + (a + 1) + ": 0)"), x, y);
          });
        }
        pen.setTransform(1, 0, 0, 1, 0, 0);
        pen.clearRect(0, 0, side, side);
        pen.setTransform(side / 400, 0, 0, side / 400, side / 2, side / 2);
        pen.font = font;
        const p = coords(M, "P", S.u), q = coords(M, "Q", S.i);
        const pp = p[0] * p[0] + p[1] * p[1] + p[2] * p[2];
        const pq = p[0] * q[0] + p[1] * q[1] + p[2] * q[2];
        const along = pp > 0 ? pq / pp : 0, shadow = p.map((v) => v * along);
        const [px, py] = project(t, p), [qx, qy] = project(t, q), [sx, sy] = project(t, shadow);
        const segment = (x0, y0, x1, y1, colour, width, dash) => {
          pen.strokeStyle = colour;
          pen.lineWidth = width;
          pen.setLineDash(dash);
          pen.beginPath();
          pen.moveTo(x0, y0);
          pen.lineTo(x1, y1);
          pen.stroke();
        };
        segment(qx, qy, sx, sy, "#333", 1, [4, 3]);
        segment(0, 0, px, py, "#E69F00", 3, []);
        segment(0, 0, qx, qy, "#0072B2", 3, []);
        pen.setLineDash([]);
        pen.lineWidth = 1;
        const disc = (x, y, radius, fill, outline) => {
          pen.beginPath();
          pen.arc(x, y, radius, 0, 2 * Math.PI);
          pen.fillStyle = fill;
          pen.fill();
          pen.strokeStyle = outline;
          pen.stroke();
        };
        disc(sx, sy, 4, "#fff", "#333");
        disc(px, py, 6, "#E69F00", "#000");
        pen.fillStyle = "#0072B2";
        pen.fillRect(qx - 5, qy - 5, 10, 10);
        pen.strokeRect(qx - 5, qy - 5, 10, 10);
        pen.fillStyle = "#000";
        pen.textAlign = "center";
        pen.fillText(shortName(D.users[S.u]), px, py - 9);
        pen.fillText(shortName(D.items[S.i]), qx, qy + 18);
      }
      // The words under the view, rewritten only when they change (turning the view leaves them
      // alone), with the other panels' text, whether or not the view is on screen.
      const spaceName = "3D view of " + nU.toLocaleString("en") + " viewers and " +
        nI.toLocaleString("en") + " movies by their first ";
      function drawSpaceWords() {
        const p = coords(M, "P", S.u), q = coords(M, "Q", S.i), q3 = Math.min(3, k);
        const pp = p[0] * p[0] + p[1] * p[1] + p[2] * p[2];
        const pq = p[0] * q[0] + p[1] * q[1] + p[2] * q[2];
        const norm = Math.sqrt(pp), rest = dot(M, S.u, S.i) - pq;
        const words = "In the first " + q3 + " factors, p\u00b7q = " +
          "|p| \u00d7 (q's shadow along p) = " + fmt(norm, 3) + " \u00d7 " +
          fmt(norm > 0 ? pq / norm : 0, 3) + " = " + fmt(pq, 3) +
          (k > 3 ? "; the other " + (k - 3) + " factors add " + fmt(rest, 3) : "") +
          ". Dashed: the drop from the movie to its shadow on the viewer's line.";
        const name = spaceName + q3 + " factors, " + D.users[S.u] + " and " + D.items[S.i] +
          " drawn large; arrow keys turn it";
        if (words !== shownSpace) {
          $("spacetext").textContent = words;
          shownSpace = words;
        }
        if (name !== view.getAttribute("aria-label")) view.setAttribute("aria-label", name);
      }
      function draw3d() {
        if (pending) return;
        pending = true;
        requestAnimationFrame(paint3d);
      }
      // Off screen, the view is not painted; it catches up when it scrolls into sight.
      if (window.IntersectionObserver) {
        new IntersectionObserver((entries) => {
          visible = entries[entries.length - 1].isIntersecting;
          if (visible) draw3d();
        }).observe(view);
      }

      // ---- Wiring.
      // The canvases painted first, then what changes the page's styles (the selected cell's
      // class and place in the tab order, the menus' choices): a canvas that paints text has the
      // browser bring the styles up to date first, so a class changed before it costs a style
      // pass of its own in the middle of the move.
      function refresh(sliders) {
        drawMatrices();
        drawCell();
        drawPicks();
        if (sliders) setSliders();
        drawSpaceWords();
        draw3d();
        for (const c of reselect.splice(0)) {
          c.td.tabIndex = c.sel ? 0 : -1;
          c.td.className = c.sel ? "sel" : "";
        }
        if ($("viewer").value !== String(S.u)) $("viewer").value = S.u;
        if ($("movie").value !== String(S.i)) $("movie").value = S.i;
      }
      function select(u, i, focus) {
        S.u = u;
        S.i = i;
        refresh(true);
        hashSoon();
        if (focus) {
          const cell = document.querySelector("#Rhat td.sel");
          if (cell) cell.focus();
        }
      }
      $("viewer").innerHTML = D.users.map((n, u) => "<option value=\"" + u + "\">" + esc(n) +
        "</option>").join("");
      $("movie").innerHTML = D.items.map((n, i) => "<option value=\"" + i + "\">" + esc(n) +
        "</option>").join("");
      // A menu is as wide as its longest name. Measured once, unsqueezed, in the first frame's
      // layout, and then fixed: left to the browser, that width is measured again, over every
      // name, each time the choice changes (tens of milliseconds for MovieLens' 1,682 titles).
      // The style sheet still narrows it to a narrow screen.
      requestAnimationFrame(() => {
        for (const menu of [$("viewer"), $("movie")]) {
          menu.style.cssText = "min-width: max-content; max-width: none";
          const width = menu.getBoundingClientRect().width;
          menu.style.cssText = width > 0 ? "width: " + width + "px" : "";
        }
      });
      $("viewer").addEventListener("change", (e) => select(Number(e.target.value), S.i, false));
      $("movie").addEventListener("change", (e) => select(S.u, Number(e.target.value), false));
      $("Rhat").addEventListener("mouseover", (e) => {
        const td = e.target.closest("td[data-u]");
        if (td && (Number(td.dataset.u) !== S.u || Number(td.dataset.i) !== S.i)) {
          select(Number(td.dataset.u), Number(td.dataset.i), false);
        }
      });
      $("Rhat").addEventListener("click", (e) => {
        const td = e.target.closest("td[data-u]");
        if (td) select(Number(td.dataset.u), Number(td.dataset.i), true);
      });
      $("Rhat").addEventListener("keydown", (e) => {
        const moves = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1],
          ArrowRight: [0, 1], PageUp: [-ROWS, 0], PageDown: [ROWS, 0] };
        const m = moves[e.key];
        if (!m) return;
        e.preventDefault();
        select(Math.max(0, Math.min(nU - 1, S.u + m[0])),
          Math.max(0, Math.min(nI - 1, S.i + m[1])), true);
      });
      // A slider move changes one factor: the matrices rewrite the one row or column of
      // predictions that use it, the picks and the 3D view follow.
      const sliderOf = new Map(sliders.flat().map((slider) => [slider.input, slider]));
      $("sliders").addEventListener("input", (e) => {
        const slider = sliderOf.get(e.target), x = Number(e.target.value);
        M[slider.key][slider.at] = x;
        slider.x = x;
        changed([[slider.key, slider.key === "P" ? S.u : S.i]]);
        put(slider.value, fmt(x, 2));
        refresh(false);
        hashSoon();
      });
      $("reset").addEventListener("click", () => {
        M = copy(trained);
        changed();
        T.m = null;
        trainStatus("Showing the trained model.");
        select(S.u, S.i, false);
      });
      $("begin").addEventListener("click", () => {
        begin();
        trainStatus("Epoch 1 of " + D.epochTotals.length + ": ready at the initial P and Q, " +
          "biases zero.");
        refresh(true);
      });
      $("steprating").addEventListener("click", () => { stepRating(); refresh(true); });
      $("stepepoch").addEventListener("click", () => { stepEpoch(); refresh(true); });
      $("stepall").addEventListener("click", () => {
        if (!T.m || T.epoch === D.epochTotals.length) begin();
        while (T.epoch < D.epochTotals.length) stepEpoch();
        refresh(true);
      });
      let drag = null;
      view.addEventListener("pointerdown", (e) => {
        drag = [e.clientX, e.clientY];
        view.setPointerCapture(e.pointerId);
      });
      view.addEventListener("pointermove", (e) => {
        if (!drag) return;
        S.yaw += (e.clientX - drag[0]) * 0.01;
        S.pitch = Math.max(-1.5, Math.min(1.5, S.pitch + (e.clientY - drag[1]) * 0.01));
        drag = [e.clientX, e.clientY];
        draw3d();
      });
      view.addEventListener("pointerup", () => { drag = null; });
      view.addEventListener("keydown", (e) => {
        const turns = { ArrowLeft: [-0.1, 0], ArrowRight: [0.1, 0], ArrowUp: [0, -0.1],
          ArrowDown: [0, 0.1] };
        const t = turns[e.key];
        if (!t) return;
        e.preventDefault();
        S.yaw += t[0];
        S.pitch = Math.max(-1.5, Math.min(1.5, S.pitch + t[1]));
        draw3d();
      });
      window.addEventListener("hashchange", () => {
        clearTimeout(hashTimer);
        M = copy(trained);
        changed();
        readHash();
        refresh(true);
      });
      window.addEventListener("resize", () => {
        sizeLines();
        measureCells();
        refresh(false);
      });
      // The canvases under the tables fitted to their cells.
      measureCells();
      readHash();
      refresh(true);
      // After the first paint: on MovieLens the replay takes a while, and the page can be read
      // and used meanwhile.
      $("selfcheck").textContent = "Self-check running: replaying " + D.epochTotals.length +
        " epochs from the embedded start\u2026";
      requestAnimationFrame(() => setTimeout(selfCheck, 0));
    })();
    """#
}
