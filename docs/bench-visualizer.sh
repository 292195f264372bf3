#!/usr/bin/env bash
# Times chapter-visualizer's page in headless Chromium: every kind of interaction a reader makes,
# each as the work of one frame, on MovieLens 100k by default. Not part of `swift test`: it
# prints numbers, and they depend on the machine.
#
#     docs/bench-visualizer.sh              builds the release chapter, writes the MovieLens page
#     docs/bench-visualizer.sh PAGE.html    times a page already written (any data set)
#
#   LOADS=5        page loads, each in a fresh browser
#   SETTLE=1000    ms to wait, after the page's self-check has finished, before the first move:
#                  a reader moves a slider after looking at the page, not within a millisecond
#                  of its load event. SETTLE=0 starts at the load event itself, before the
#                  self-check, while the fresh browser is still starting up beside the page
#                  (on a 2-core machine the first kinds of move then took twice as long or
#                  more at the 95th percentile; docs/13-visualizer.md has the numbers)
#   ML100K=DIR     where u.data and u.item are (default /tmp/ml-100k)
#   WRAP=CMD       runs each browser under CMD, e.g. WRAP="nice -n -10" on a shared machine
#   STALL=1000     a load in which one interaction took longer than this many ms (the browser
#                  was stopped or starved by something else) is said so and run again, 3 times
#                  at most
#
# For each load it copies the page, adds a script of its own before the page's, opens it in
# headless Chromium and reads the results that script leaves in the page, over Chromium's DevTools
# protocol on a pipe (a short Python 3 client below; Python's standard library only). The script
# replaces requestAnimationFrame with a queue it empties itself, so that one interaction is timed
# from the event's dispatch through its handler, a forced style and layout (reading offsetHeight),
# the animation-frame callbacks the handler asked for, another forced style and layout, and the
# rasterizing of the canvas (reading one pixel back): everything the frame does before the browser
# paints and composites, which is not timed. The window is 1280 × 1800 so that the whole page is
# on screen and drawn. The interactions, 41 of each kind, after the page's first drawing (and
# SETTLE):
#
#   slider-p, slider-q   input events on the first viewer and the first movie factor's sliders,
#                        from one end to the other
#   3d-turn              ArrowRight key presses on the 3D view
#   viewer, movie        change events on the viewer and the movie menus, jumping across the data
#   grid-key             ArrowDown and ArrowRight presses on the selected prediction
#
# Prints, per kind, the median, 95th percentile (nearest rank) and maximum in ms over all loads'
# samples, the medians of the handler's and of the frame's part, and each load's median and
# maximum; then when the load event came, in ms after navigation began.
set -euo pipefail

loads=${LOADS:-5}
settle=${SETTLE:-1000}
data=${ML100K:-/tmp/ml-100k}
stall=${STALL:-1000}
read -r -a wrap <<<"${WRAP:-}"
cd "$(dirname "${BASH_SOURCE[0]}")/.."

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if (($# > 0)); then
  page=$1
else
  [[ -f $data/u.data && -f $data/u.item ]] ||
    { echo "bench-visualizer: no MovieLens 100k in $data (set ML100K)" >&2; exit 1; }
  swift build -c release --product chapter-visualizer >&2
  .build/release/chapter-visualizer --ratings "$data/u.data" --titles "$data/u.item" \
    --assets "$work" >/dev/null
  page=$work/matrix-factorization-visualizer.html
fi
[[ -f $page ]] || { echo "bench-visualizer: no page at $page" >&2; exit 1; }

cat >"$work/bench.js" <<'EOF'
(function () {
  const frames = [];
  window.requestAnimationFrame = (callback) => frames.push(callback);
  function flush() {
    for (const callback of frames.splice(0)) callback(performance.now());
  }
  const layout = () => document.body.offsetHeight;
  // A canvas records its drawing and rasterizes it when the frame is painted; reading one pixel
  // back makes it rasterize now, so that the time counts with the frame that drew it.
  function rasterize() {
    for (const canvas of document.querySelectorAll("canvas")) {
      canvas.getContext("2d").getImageData(0, 0, 1, 1);
    }
  }
  const samples = [];
  function time(kind, act) {
    const t0 = performance.now();
    act();
    layout();
    const t1 = performance.now();
    flush();
    layout();
    rasterize();
    const t2 = performance.now();
    samples.push(kind + " " + (t2 - t0).toFixed(3) + " " + (t1 - t0).toFixed(3) + " " +
      (t2 - t1).toFixed(3));
  }
  // SETTLE, from the script below: 0 starts at the load event; otherwise the moves wait for the
  // page's self-check to finish (it starts after the first frame), then SETTLE ms more.
  const settle = SETTLE_MS;
  window.addEventListener("load", () => {
    samples.push("load " + performance.now().toFixed(3) + " 0 0");
    flush();
    layout();
    rasterize();
    if (settle === 0) return run();
    const check = document.getElementById("selfcheck");
    const wait = setInterval(() => {
      flush();
      if (check.dataset.status === "pending") return;
      clearInterval(wait);
      setTimeout(run, settle);
    }, 50);
  });
  function run() {
    for (const [id, kind] of [["sp0", "slider-p"], ["sq0", "slider-q"]]) {
      const slider = document.getElementById(id), lo = Number(slider.min);
      const hi = Number(slider.max);
      for (let n = 0; n <= 40; n++) {
        time(kind, () => {
          slider.value = String(lo + (hi - lo) * n / 40);
          slider.dispatchEvent(new Event("input", { bubbles: true }));
        });
      }
    }
    const view = document.getElementById("space3d");
    for (let n = 0; n <= 40; n++) {
      time("3d-turn", () => view.dispatchEvent(new KeyboardEvent("keydown",
        { key: "ArrowRight", bubbles: true, cancelable: true })));
    }
    for (const id of ["viewer", "movie"]) {
      const menu = document.getElementById(id), n = menu.options.length;
      for (let j = 1; j <= 41; j++) {
        time(id, () => {
          menu.value = String((j * 397) % n);
          menu.dispatchEvent(new Event("change", { bubbles: true }));
        });
      }
    }
    for (let n = 0; n <= 40; n++) {
      time("grid-key", () => document.querySelector("#Rhat td.sel").dispatchEvent(
        new KeyboardEvent("keydown",
          { key: n % 2 ? "ArrowRight" : "ArrowDown", bubbles: true, cancelable: true })));
    }
    window.benchResults = samples.map((s) => "BENCH " + s).join("\n");
  }
})();
EOF
sed -i "s/SETTLE_MS/$settle/" "$work/bench.js"

# Opens the URL in headless Chromium, driven over the DevTools protocol on a pipe (file
# descriptors 3 and 4), and prints window.benchResults once the bench script has set it.
cat >"$work/cdp.py" <<'EOF'
import json, os, subprocess, sys, time

url = sys.argv[1]
to_chromium, chromium_in = os.pipe()
chromium_out, from_chromium = os.pipe()


def pipes():
    os.dup2(to_chromium, 3)
    os.dup2(from_chromium, 4)


browser = subprocess.Popen(
    ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
     "--window-size=1280,1800", "--remote-debugging-pipe", "about:blank"],
    preexec_fn=pipes, pass_fds=(3, 4), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
os.close(to_chromium)
os.close(from_chromium)
writer = os.fdopen(chromium_in, "wb", buffering=0)
reader = os.fdopen(chromium_out, "rb", buffering=0)
pending, last_id = b"", 0


def call(method, params=None, session=None):
    global pending, last_id
    last_id += 1
    message = {"id": last_id, "method": method, "params": params or {}}
    if session:
        message["sessionId"] = session
    writer.write(json.dumps(message).encode() + b"\0")
    while True:
        while b"\0" in pending:
            text, pending = pending.split(b"\0", 1)
            reply = json.loads(text)
            if reply.get("id") == last_id:
                return reply.get("result", {})
        chunk = reader.read(1 << 16)
        if not chunk:
            sys.exit("chromium closed the pipe")
        pending += chunk


target = call("Target.createTarget", {"url": "about:blank"})["targetId"]
session = call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
call("Page.navigate", {"url": url}, session)
deadline = time.time() + 300
while time.time() < deadline:
    time.sleep(0.5)
    value = call("Runtime.evaluate", {"expression": "window.benchResults || ''",
                                      "returnByValue": True}, session)["result"].get("value")
    if value:
        print(value)
        break
# Closed as a reader would close it, so that no helper process outlives the script.
writer.write(json.dumps({"id": last_id + 1, "method": "Browser.close"}).encode() + b"\0")
try:
    browser.wait(timeout=20)
except subprocess.TimeoutExpired:
    browser.kill()
EOF

copy=$work/bench.html
{
  # The page has one script element; the benchmark's goes just before it.
  sed '/<script>\/\/<!\[CDATA\[/,$d' "$page"
  printf '<script>//<![CDATA[\n'
  cat "$work/bench.js"
  printf '//]]></script>\n'
  sed -n '/<script>\/\/<!\[CDATA\[/,$p' "$page"
} >"$copy"

: >"$work/samples"
for ((load = 1; load <= loads; load++)); do
  for ((try = 1; ; try++)); do
    "${wrap[@]}" python3 "$work/cdp.py" "file://$copy#u=0&i=200" 2>/dev/null |
      grep '^BENCH ' | sed "s/^BENCH /$load /" >"$work/load" || true
    [[ -s $work/load ]] || { echo "bench-visualizer: load $load wrote no results" >&2; exit 1; }
    slowest=$(awk '$2 != "load" { print $3 }' "$work/load" | sort -g | tail -n 1)
    if awk -v s="$slowest" -v l="$stall" 'BEGIN { exit !(s > l) }' && ((try < 3)); then
      echo "bench-visualizer: load $load had an interaction of $slowest ms; run again" >&2
      continue
    fi
    cat "$work/load" >>"$work/samples"
    break
  done
done

# Median, 95th percentile (nearest rank), maximum and count of the numbers on standard input.
stats() {
  sort -g | awk '{ v[NR] = $1 } END {
    p = int(0.95 * NR); if (p < 0.95 * NR) p++
    m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
    printf "%7.2f %7.2f %7.2f %5d", m, v[p], v[NR], NR }'
}
column() { awk -v k="$1" -v c="$2" '$2 == k { print $c }' "$work/samples"; }

echo "ms per interaction (handler + frame callbacks + style/layout), $loads loads of $page"
printf '%-9s %7s %7s %7s %5s   %s\n' kind median p95 max n \
  "median of handler, frame; per load median/max"
for kind in slider-p slider-q 3d-turn viewer movie grid-key; do
  per=""
  for ((load = 1; load <= loads; load++)); do
    per+=" $(awk -v k="$kind" -v l="$load" '$1 == l && $2 == k { print $3 }' "$work/samples" |
      stats | awk '{ printf "%.1f/%.1f", $1, $3 }')"
  done
  printf '%-9s %s   %.2f, %.2f;%s\n' "$kind" "$(column "$kind" 3 | stats)" \
    "$(column "$kind" 4 | stats | awk '{ print $1 }')" \
    "$(column "$kind" 5 | stats | awk '{ print $1 }')" "$per"
done
echo "load event, ms after navigation: median, max of $loads: $(column load 3 | stats |
  awk '{ printf "%.0f, %.0f", $1, $3 }')"
