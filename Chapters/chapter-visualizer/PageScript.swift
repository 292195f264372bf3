/// The page's style sheet and script, as the page embeds them (no network, no external fonts).
///
/// The script reads `D`, the data object the page defines before it: the trained model, the
/// starting P and Q, the ratings in training order and the Swift run's Σ|e| for every epoch. It
/// predicts as `MatrixFactorization.predict` does, μ + bᵤ + bᵢ + Σ pᵤf qᵢf summed left to right,
/// and steps as `MatrixFactorization.sgdStep` does, operation for operation, so that its doubles
/// equal Swift's to the last bit; it checks that on load and says so on the page.
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
    table.grid { border-collapse: collapse; font-size: .68rem; font-variant-numeric: tabular-nums; }
    table.grid th { font-weight: 500; color: var(--muted); padding: 0 .2rem; white-space: nowrap;
      max-width: 5.5rem; overflow: hidden; text-overflow: ellipsis; }
    table.grid th[scope=row] { width: 5.5rem; min-width: 5.5rem; text-align: right; }
    table.grid td { width: 2.3rem; min-width: 2.3rem; height: 1.4rem; text-align: center; border: 1px solid #fff;
      padding: 0; }
    table.grid td.gap { background: repeating-linear-gradient(45deg, #f4f4f4, #f4f4f4 3px,
      #e2e2e2 3px, #e2e2e2 6px); color: #888; }
    table.grid td.hl { box-shadow: inset 0 0 0 2px rgba(0, 0, 0, 0.6); }
    table.grid td.sel { outline: 3px solid var(--focus); outline-offset: -1px; }
    #Rhat td { cursor: pointer; }
    #Rhat td:focus { outline: 3px solid var(--focus); outline-offset: 1px; }
    .nav { display: flex; flex-wrap: wrap; gap: .4rem; align-items: center; margin: .3rem 0; }
    button, select { font: inherit; font-size: .85rem; padding: .25rem .55rem; }
    button:focus-visible, select:focus-visible, input:focus-visible, svg:focus-visible {
      outline: 3px solid var(--focus); outline-offset: 2px; }
    #formula { font-size: 1rem; }
    output#prediction { font-weight: 700; font-size: 1.1rem; }
    .sliders { display: grid; grid-template-columns: auto 1fr 3.5rem; gap: .15rem .5rem;
      align-items: center; font-size: .85rem; }
    .sliders input { width: 100%; }
    ol#picks { margin: .2rem 0 0; padding-left: 1.4rem; font-size: .88rem; }
    table.log { border-collapse: collapse; font-size: .8rem; font-variant-numeric: tabular-nums; }
    table.log td, table.log th { padding: .1rem .5rem; text-align: right; border-bottom: 1px solid
      #eee; }
    #space3d { width: 100%; max-width: 420px; height: auto; touch-action: none; cursor: grab;
      border: 1px solid #ddd; border-radius: 4px; display: block; }
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
      const rated = new Map();
      for (let n = 0; n < nR; n++) rated.set(R[3 * n] * nI + R[3 * n + 1], R[3 * n + 2]);

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
      function epoch(m) {
        let total = 0;
        for (let n = 0; n < nR; n++) total += Math.abs(step(m, n));
        return total;
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

      // Self-check: replay every epoch from the embedded start and compare with Swift's run.
      function selfCheck() {
        const m = copy(start);
        const el = $("selfcheck");
        for (let e = 0; e < D.epochTotals.length; e++) {
          const t = epoch(m);
          if (t !== D.epochTotals[e]) {
            el.className = "fail";
            el.dataset.status = "fail";
            el.textContent = "Self-check failed: epoch " + (e + 1) + " gave \u03a3|e| = " + t +
              " here, " + D.epochTotals[e] + " in Swift.";
            showMismatch(el.textContent);
            return;
          }
        }
        const differs = sameModel(m, trained);
        if (differs) {
          el.className = "fail";
          el.dataset.status = "fail";
          el.textContent = "Self-check failed: after " + D.epochTotals.length +
            " epochs the page's " + differs + " differs from the Swift run's.";
          showMismatch(el.textContent);
          return;
        }
        el.className = "pass";
        el.dataset.status = "pass";
        el.textContent = "Self-check passed: this browser replayed all " + D.epochTotals.length +
          " epochs (" + (nR * D.epochTotals.length).toLocaleString("en") +
          " steps) from the embedded start and got the Swift run's \u03a3|e| for every epoch" +
          " and its trained P, Q and biases, bit for bit.";
      }

      // ---- The matrices: only the window in view is drawn.
      function ratingColour(v) {
        const t = Math.max(0, Math.min(1, (v - lo) / (hi - lo)));
        const l = 96 - 62 * t;
        return "background:hsl(210,60%," + l + "%);color:" + (l < 60 ? "#fff" : "#111");
      }
      let factorMax = 1e-9;
      for (const x of trained.P) factorMax = Math.max(factorMax, Math.abs(x));
      for (const x of trained.Q) factorMax = Math.max(factorMax, Math.abs(x));
      function factorColour(v) {
        const t = Math.min(1, Math.abs(v) / factorMax), l = 96 - 56 * t;
        const hue = v < 0 ? "28,85%," : "205,70%,";
        return "background:hsl(" + hue + l + "%);color:" + (l < 60 ? "#fff" : "#111");
      }
      function shortName(s) { return s.length > 12 ? s.slice(0, 11) + "\u2026" : s; }
      function itemHead(i) {
        return "<th scope=\"col\" title=\"" + esc(D.items[i]) + "\"><abbr title=\"" +
          esc(D.items[i]) + "\">M" + (i + 1) + "</abbr></th>";
      }
      function userHead(u) {
        return "<th scope=\"row\" title=\"" + esc(D.users[u]) + "\">" + esc(shortName(D.users[u])) +
          "</th>";
      }
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
      // After a slider move only the moved factor and the predictions that use it change: they
      // are updated in place, the rest of the window left alone (a frame's work on MovieLens).
      function updateMoved(key, at) {
        const cell = $(key + at);
        if (cell) {
          cell.textContent = fmt(M[key][at], 2);
          cell.style.cssText = factorColour(M[key][at]);
        }
        for (const td of $("Rhat").querySelectorAll("td[data-u]")) {
          const u = Number(td.dataset.u), i = Number(td.dataset.i);
          if (key === "P" ? u !== S.u : i !== S.i) continue;
          const x = predict(M, u, i);
          td.dataset.value = x;
          td.textContent = x.toFixed(1);
          td.style.cssText = ratingColour(x);
          td.setAttribute("aria-label", cellLabel(u, i, x));
        }
      }
      function drawMatrices() {
        keepInView();
        const us = [], is = [];
        for (let u = S.r0; u < S.r0 + ROWS; u++) us.push(u);
        for (let i = S.c0; i < S.c0 + COLS; i++) is.push(i);
        const cols = "<tr><th scope=\"row\"></th>" + is.map(itemHead).join("") + "</tr>";
        let r = cols, rh = cols, p = "<tr><th scope=\"row\"></th>", q = "<tr><th scope=\"row\"></th>" +
          is.map(itemHead).join("") + "</tr>";
        for (let f = 0; f < k; f++) p += "<th scope=\"col\">f" + (f + 1) + "</th>";
        p += "</tr>";
        for (const u of us) {
          r += "<tr>" + userHead(u);
          rh += "<tr>" + userHead(u);
          p += "<tr>" + userHead(u);
          for (const i of is) {
            const v = rated.get(u * nI + i);
            const hl = (u === S.u || i === S.i) ? " hl" : "";
            r += v === undefined
              ? "<td class=\"gap" + hl + "\" title=\"not rated\">\u00b7</td>"
              : "<td class=\"" + hl + "\" style=\"" + ratingColour(v) + "\">" + v + "</td>";
            const x = predict(M, u, i), sel = u === S.u && i === S.i;
            rh += "<td data-u=\"" + u + "\" data-i=\"" + i + "\" data-value=\"" + x +
              "\" tabindex=\"" + (sel ? 0 : -1) +
              "\" class=\"" + (sel ? "sel" : "") + "\" style=\"" + ratingColour(x) +
              "\" aria-label=\"" + esc(cellLabel(u, i, x)) + "\">" + x.toFixed(1) + "</td>";
          }
          for (let f = 0; f < k; f++) {
            const x = M.P[u * k + f];
            p += "<td id=\"P" + (u * k + f) + "\" class=\"" + (u === S.u ? "hl" : "") +
              "\" style=\"" + factorColour(x) + "\">" + fmt(x, 2) + "</td>";
          }
          r += "</tr>";
          rh += "</tr>";
          p += "</tr>";
        }
        for (let f = 0; f < k; f++) {
          q += "<tr><th scope=\"row\">f" + (f + 1) + "</th>";
          for (const i of is) {
            const x = M.Q[i * k + f];
            q += "<td id=\"Q" + (i * k + f) + "\" class=\"" + (i === S.i ? "hl" : "") +
              "\" style=\"" + factorColour(x) + "\">" + fmt(x, 2) + "</td>";
          }
          q += "</tr>";
        }
        $("R").innerHTML = r;
        $("P").innerHTML = p;
        $("Qt").innerHTML = q;
        $("Rhat").innerHTML = rh;
        $("window").textContent = "Viewers " + (S.r0 + 1) + "\u2013" + (S.r0 + ROWS) + " of " +
          nU + ", movies " + (S.c0 + 1) + "\u2013" + (S.c0 + COLS) + " of " + nI + ".";
        $("legend").textContent = is.map((i) => "M" + (i + 1) + " " + D.items[i]).join(" \u00b7 ");
      }

      // ---- One prediction, term by term: the "glowing lines".
      function drawCell() {
        const u = S.u, i = S.i, x = predict(M, u, i), v = rated.get(u * nI + i);
        const d = dot(M, u, i);
        $("cellname").textContent = D.users[u] + " \u00d7 " + D.items[i] +
          (v === undefined ? " (not rated)" : " (rated " + v + ")");
        $("formula").innerHTML = "r\u0302 = \u03bc " + fmt(mu, 3) + " " + signed(M.bu[u], 3) +
          " (b<sub>u</sub>) " + signed(M.bi[i], 3) + " (b<sub>i</sub>) " + signed(d, 3) +
          " (p\u00b7q) = <output id=\"prediction\" data-u=\"" + u + "\" data-i=\"" + i +
          "\" data-value=\"" + x + "\">" + x.toFixed(3) + "</output>";
        let big = 1e-9, rows = "";
        for (let f = 0; f < k; f++) big = Math.max(big, Math.abs(M.P[u * k + f] * M.Q[i * k + f]));
        const h = 34, w = 320;
        let svg = "";
        for (let f = 0; f < k; f++) {
          const a = M.P[u * k + f], b = M.Q[i * k + f], t = a * b, y = 20 + f * h;
          const width = 1.5 + 12 * Math.abs(t) / big;
          const colour = t < 0 ? "#D55E00" : "#0072B2";
          const dash = t < 0 ? " stroke-dasharray=\"6 3\"" : "";
          svg += "<line x1=\"70\" y1=\"" + y + "\" x2=\"250\" y2=\"" + y + "\" stroke=\"" + colour +
            "\" stroke-opacity=\"0.25\" stroke-width=\"" + (width + 8).toFixed(1) + "\"/>";
          svg += "<line x1=\"70\" y1=\"" + y + "\" x2=\"250\" y2=\"" + y + "\" stroke=\"" + colour +
            "\" stroke-width=\"" + width.toFixed(1) + "\"" + dash + "/>";
          svg += "<text x=\"62\" y=\"" + (y + 4) + "\" text-anchor=\"end\">p" + (f + 1) + " " +
            fmt(a, 2) + "</text><text x=\"258\" y=\"" + (y + 4) + "\">q" + (f + 1) + " " +
            fmt(b, 2) + "</text><text x=\"160\" y=\"" + (y - 8) + "\" text-anchor=\"middle\">" +
            fmt(t, 3) + "</text>";
          rows += "<tr><td>f" + (f + 1) + "</td><td>" + fmt(a, 3) + "</td><td>" + fmt(b, 3) +
            "</td><td>" + fmt(t, 3) + "</td></tr>";
        }
        const lines = $("lines");
        lines.setAttribute("viewBox", "0 0 " + w + " " + (10 + k * h));
        lines.innerHTML = svg;
        $("terms").innerHTML = "<tr><th>factor</th><th>p<sub>u</sub></th><th>q<sub>i</sub></th>" +
          "<th>product</th></tr>" + rows + "<tr><td>sum</td><td></td><td></td><td>" + fmt(d, 3) +
          "</td></tr>";
      }

      // ---- Sliders for the selected viewer's and movie's factors, and the viewer's top picks.
      let range = Math.ceil(factorMax * 15) / 10;
      function buildSliders() {
        let html = "";
        for (const [who, key, base, name] of [["p", "P", S.u * k, D.users[S.u]],
          ["q", "Q", S.i * k, D.items[S.i]]]) {
          for (let f = 0; f < k; f++) {
            const x = M[key][base + f];
            html += "<label for=\"s" + who + f + "\">" + who + "<sub>" + (f + 1) + "</sub> " +
              "<span class=\"sr\">" + esc(name) + "</span></label><input type=\"range\" id=\"s" +
              who + f + "\" min=\"" + (-range) + "\" max=\"" + range + "\" step=\"0.01\" value=\"" +
              x + "\" data-key=\"" + key + "\" data-at=\"" + (base + f) + "\"/><output id=\"o" +
              who + f + "\">" + fmt(x, 2) + "</output>";
          }
        }
        $("sliders").innerHTML = html;
        $("slidernames").textContent = "p: " + D.users[S.u] + "; q: " + D.items[S.i];
      }
      function drawPicks() {
        const u = S.u, list = [];
        for (let i = 0; i < nI; i++) if (!rated.has(u * nI + i)) list.push(i);
        const all = list.length === 0;
        const pool = all ? [...Array(nI).keys()] : list;
        const scored = pool.map((i) => [i, predict(M, u, i)]);
        scored.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
        $("pickshead").textContent = all
          ? D.users[u] + " has rated every movie: all of them ranked by prediction"
          : D.users[u] + "'s top picks among the " + list.length + " movies not yet rated";
        $("picks").innerHTML = scored.slice(0, 5).map(([i, x]) => "<li>" + esc(D.items[i]) +
          ": " + x.toFixed(2) + (rated.has(u * nI + i) ? " (rated " + rated.get(u * nI + i) +
          ")" : "") + "</li>").join("");
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
        finishEpoch();
        if (T.epoch < D.epochTotals.length) {
          trainStatus("Epoch " + T.epoch + " of " + D.epochTotals.length + " done.");
        }
      }

      // ---- The 3D view: viewers and movies by their first three factors.
      function coords(m, key, n) {
        const c = [0, 0, 0];
        for (let f = 0; f < Math.min(3, k); f++) c[f] = m[key][n * k + f];
        return c;
      }
      let space = 1e-9;
      for (let u = 0; u < nU; u++) space = Math.max(space, Math.hypot(...coords(trained, "P", u)));
      for (let i = 0; i < nI; i++) space = Math.max(space, Math.hypot(...coords(trained, "Q", i)));
      function project(c) {
        const cy = Math.cos(S.yaw), sy = Math.sin(S.yaw), cp = Math.cos(S.pitch);
        const sp = Math.sin(S.pitch), s = 165 / space;
        const x = c[0] * cy + c[2] * sy, z = -c[0] * sy + c[2] * cy;
        const y = c[1] * cp - z * sp;
        return [(x * s).toFixed(1), (-y * s).toFixed(1)];
      }
      let pending = false;
      function draw3d() {
        if (pending) return;
        pending = true;
        requestAnimationFrame(() => {
          pending = false;
          let svg = "";
          ["f1", "f2", "f3"].forEach((name, a) => {
            const e = [0, 0, 0];
            e[a] = space;
            const [x, y] = project(e), [x0, y0] = project(e.map((v) => -v));
            svg += "<line x1=\"" + x0 + "\" y1=\"" + y0 + "\" x2=\"" + x + "\" y2=\"" + y +
              "\" stroke=\"#999\"/><text x=\"" + x + "\" y=\"" + y + "\" fill=\"#555\">" + name +
              (a < k ? "" : " (k < " + (a + 1) + ": 0)") + "</text>";
          });
          for (let i = 0; i < nI; i++) {
            const [x, y] = project(coords(M, "Q", i));
            svg += "<rect x=\"" + (x - 2.5) + "\" y=\"" + (y - 2.5) +
              "\" width=\"5\" height=\"5\" fill=\"#0072B2\" fill-opacity=\"0.7\"/>";
          }
          for (let u = 0; u < nU; u++) {
            const [x, y] = project(coords(M, "P", u));
            svg += "<circle cx=\"" + x + "\" cy=\"" + y + "\" r=\"2.6\" fill=\"#E69F00\"" +
              " fill-opacity=\"0.8\"/>";
          }
          const p = coords(M, "P", S.u), q = coords(M, "Q", S.i);
          const pp = p[0] * p[0] + p[1] * p[1] + p[2] * p[2];
          const pq = p[0] * q[0] + p[1] * q[1] + p[2] * q[2];
          const t = pp > 0 ? pq / pp : 0, shadow = p.map((v) => v * t);
          const [ox, oy] = project([0, 0, 0]), [px, py] = project(p), [qx, qy] = project(q);
          const [sx, sy] = project(shadow);
          svg += "<line x1=\"" + qx + "\" y1=\"" + qy + "\" x2=\"" + sx + "\" y2=\"" + sy +
            "\" stroke=\"#333\" stroke-dasharray=\"4 3\"/>" +
            "<line x1=\"" + ox + "\" y1=\"" + oy + "\" x2=\"" + px + "\" y2=\"" + py +
            "\" stroke=\"#E69F00\" stroke-width=\"3\"/><line x1=\"" + ox + "\" y1=\"" + oy +
            "\" x2=\"" + qx + "\" y2=\"" + qy + "\" stroke=\"#0072B2\" stroke-width=\"3\"/>" +
            "<circle cx=\"" + sx + "\" cy=\"" + sy + "\" r=\"4\" fill=\"#fff\" stroke=\"#333\"/>" +
            "<circle cx=\"" + px + "\" cy=\"" + py + "\" r=\"6\" fill=\"#E69F00\" stroke=\"#000\"/>" +
            "<rect x=\"" + (qx - 5) + "\" y=\"" + (qy - 5) + "\" width=\"10\" height=\"10\"" +
            " fill=\"#0072B2\" stroke=\"#000\"/><text x=\"" + px + "\" y=\"" + (py - 9) +
            "\" text-anchor=\"middle\">" + esc(shortName(D.users[S.u])) + "</text><text x=\"" +
            qx + "\" y=\"" + (Number(qy) + 18) + "\" text-anchor=\"middle\">" +
            esc(shortName(D.items[S.i])) + "</text>";
          $("space3d").innerHTML = svg;
          const norm = Math.sqrt(pp), rest = dot(M, S.u, S.i) - pq;
          $("spacetext").textContent = "In the first " + Math.min(3, k) + " factors, p\u00b7q = " +
            "|p| \u00d7 (q's shadow along p) = " + fmt(norm, 3) + " \u00d7 " +
            fmt(norm > 0 ? pq / norm : 0, 3) + " = " + fmt(pq, 3) +
            (k > 3 ? "; the other " + (k - 3) + " factors add " + fmt(rest, 3) : "") +
            ". Dashed: the drop from the movie to its shadow on the viewer's line.";
        });
      }

      // ---- Wiring.
      function refresh(rebuild) {
        drawMatrices();
        drawCell();
        drawPicks();
        if (rebuild) buildSliders();
        draw3d();
        $("viewer").value = S.u;
        $("movie").value = S.i;
      }
      function select(u, i, focus) {
        S.u = u;
        S.i = i;
        refresh(true);
        writeHash();
        if (focus) {
          const cell = document.querySelector("#Rhat td.sel");
          if (cell) cell.focus();
        }
      }
      $("viewer").innerHTML = D.users.map((n, u) => "<option value=\"" + u + "\">" + esc(n) +
        "</option>").join("");
      $("movie").innerHTML = D.items.map((n, i) => "<option value=\"" + i + "\">" + esc(n) +
        "</option>").join("");
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
      $("sliders").addEventListener("input", (e) => {
        const s = e.target;
        M[s.dataset.key][Number(s.dataset.at)] = Number(s.value);
        $("o" + s.id.slice(1)).textContent = fmt(Number(s.value), 2);
        updateMoved(s.dataset.key, Number(s.dataset.at));
        drawCell();
        drawPicks();
        draw3d();
        writeHash();
      });
      $("reset").addEventListener("click", () => {
        M = copy(trained);
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
      const view = $("space3d");
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
        M = copy(trained);
        readHash();
        refresh(true);
      });
      readHash();
      refresh(true);
      // After the first paint: on MovieLens the replay takes seconds, and the page can be read
      // meanwhile.
      $("selfcheck").textContent = "Self-check running: replaying " + D.epochTotals.length +
        " epochs from the embedded start\u2026";
      requestAnimationFrame(() => setTimeout(selfCheck, 0));
    })();
    """#
}
