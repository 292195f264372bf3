#!/usr/bin/env bash
# Writes ChartKit's sample charts (one or more of every chart type, from
# Tests/ChartKitTests/ChartPreviewTests.swift) into a folder for looking at, and converts each to
# PNG when rsvg-convert is installed. The samples are checked by the same test on every
# `swift test`; this only adds the files.
#
#     docs/preview-charts.sh           into /tmp/chart-preview (or $TMPDIR/chart-preview)
#     docs/preview-charts.sh FOLDER    into FOLDER
#
# Works from any folder (it moves to the package root first).
set -euo pipefail

folder=${1:-${TMPDIR:-/tmp}/chart-preview}
mkdir -p "$folder"
folder=$(cd "$folder" && pwd) # absolute: the tests run in the package root
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# The test checks every sample, and writes it when CHART_PREVIEW_DIR is set.
CHART_PREVIEW_DIR="$folder" swift test --filter ChartPreviewTests

if command -v rsvg-convert >/dev/null 2>&1; then
  for svg in "$folder"/*.svg; do
    rsvg-convert -o "${svg%.svg}.png" "$svg"
  done
  echo "Sample charts, SVG and PNG, in $folder"
else
  echo "Sample charts in $folder (install rsvg-convert, from librsvg, for PNG copies)"
fi
