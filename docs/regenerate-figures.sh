#!/usr/bin/env bash
# Regenerates the figures in docs/assets: runs each chapter with its default flags and
# `--assets docs/assets`, in blog order.
#
#     docs/regenerate-figures.sh                      every chapter
#     docs/regenerate-figures.sh chapter-biases ...   just the chapters named
#
# Works from any folder (it moves to the package root first). Deterministic chapters run in a
# debug build, as `swift run` and the tests do; the chapters that chart timings run in release,
# because timings are only worth showing from an optimised build (their other figures come out
# the same in either build, which the tests check). A listed chapter whose folder is
# missing, or a folder in Chapters/ that this list does not know, stops the script before any
# chapter runs: no chapter is ever skipped silently.
#
# The figures that are not timings can also be re-recorded by the tests that compare them:
# `RECORD_SNAPSHOTS=1 swift test --filter DocsFigures` writes those that differ and fails naming
# each (see Tests/ChapterTests/Support/Snapshot.swift).
set -euo pipefail

# Blog order, the same as the `chapters` array in Package.swift.
chapters=(
  chapter-data-setup
  chapter-neighbours
  chapter-basic-mf
  chapter-biases
  chapter-regularization
  chapter-hash-tables
  chapter-complete-demo
  chapter-neural-cf
  chapter-discovery
  chapter-real-time
  chapter-at-scale
  chapter-ab-testing
  chapter-visualizer
)
# Chapters whose figures are timings: built and run with `-c release`.
release_chapters=(chapter-hash-tables chapter-complete-demo chapter-real-time chapter-at-scale)

assets=docs/assets
cd "$(dirname "${BASH_SOURCE[0]}")/.."

fail() {
  echo "regenerate-figures: $1" >&2
  exit "${2:-1}"
}

is_listed() {
  local name=$1 listed
  for listed in "${chapters[@]}"; do [[ $listed == "$name" ]] && return 0; done
  return 1
}

is_release() {
  local name=$1 listed
  for listed in "${release_chapters[@]}"; do [[ $listed == "$name" ]] && return 0; done
  return 1
}

# A new chapter folder must be added to the list above, or its figures would never be drawn.
for folder in Chapters/*/; do
  name=$(basename "$folder")
  is_listed "$name" ||
    fail "Chapters/$name is not in this script's list of chapters; add it in blog order"
done

if (($# > 0)); then
  requested=("$@")
  for name in "${requested[@]}"; do
    is_listed "$name" || fail "unknown chapter \"$name\"; known: ${chapters[*]}" 64
  done
else
  requested=("${chapters[@]}")
fi

missing=()
for name in "${requested[@]}"; do
  [[ -d Chapters/$name ]] || missing+=("$name")
done
((${#missing[@]} == 0)) ||
  fail "no folder in Chapters/ for: ${missing[*]}; nothing was regenerated"

mkdir -p "$assets"
log=$(mktemp)
stamp=$(mktemp)
trap 'rm -f "$log" "$stamp"' EXIT

# chapter-visualizer's page, photographed by headless Chromium at desktop and phone width for
# its docs page. Browsers render fonts differently from machine to machine, so the tests check
# the page's bytes (docs/assets), not these pictures: regenerate them with the page.
screenshot_visualizer() {
  local page shots=docs/screenshots size name
  page="file://$PWD/$assets/matrix-factorization-visualizer.html#u=1&i=2"
  command -v chromium >/dev/null 2>&1 ||
    fail "chromium is needed for the visualizer's screenshots (apt-get install chromium)"
  mkdir -p "$shots"
  for size in desktop:1280,800 phone:390,844; do
    name=${size%%:*}
    chromium --headless --no-sandbox --disable-gpu --hide-scrollbars \
      --virtual-time-budget=5000 --window-size="${size#*:}" \
      --screenshot="$shots/visualizer-$name.png" "$page" >/dev/null 2>&1 ||
      fail "chromium could not photograph the visualizer page"
    echo "    wrote $shots/visualizer-$name.png"
  done
}

# Run in blog order whatever order the names were given in.
for name in "${chapters[@]}"; do
  wanted=false
  for requested_name in "${requested[@]}"; do
    [[ $requested_name == "$name" ]] && wanted=true
  done
  $wanted || continue

  configuration=debug
  is_release "$name" && configuration=release
  echo "==> $name ($configuration build)"
  touch "$stamp"
  # The story goes to a log; build messages and errors stay on the terminal.
  if ! swift run -c "$configuration" "$name" --assets "$assets" >"$log"; then
    tail -n 20 "$log" >&2
    fail "$name failed; figures already written by earlier chapters are kept"
  fi
  find "$assets" \( -name '*.svg' -o -name '*.html' \) -newer "$stamp" | sort |
    sed 's/^/    wrote /'
  if [[ $name == chapter-visualizer ]]; then screenshot_visualizer; fi
done

if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  changes=$(git status --short -- "$assets")
  if [[ -n $changes ]]; then
    echo "Changed figures (review, then commit):"
    echo "$changes"
  else
    echo "Every figure is unchanged."
  fi
fi
