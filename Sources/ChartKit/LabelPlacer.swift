/// Places point labels next to their markers without covering markers or each other.
///
/// Greedy and deterministic: points are visited in the order given; each label tries a fixed
/// list of positions around its marker (right first, where readers look; then the same ring
/// further out) and takes the first that stays inside the plot and touches nothing placed so
/// far. If every position collides, it takes the one with the least overlap.
struct LabelPlacer {
  /// A label ready to draw: its text anchor point and alignment.
  struct Placement: Equatable {
    let text: String
    let x: Double
    let baseline: Double
    let anchor: TextAnchor
    let box: CanvasRect
  }

  let bounds: CanvasRect
  let fontSize: Double
  /// Half the size of the area a marker occupies, labels keep clear of it.
  let markerRadius: Double

  /// Labels for `points` (marker centres with their texts), in the same order.
  ///
  /// - Complexity: O(n²) for n labels: each candidate is checked against everything placed.
  func place(_ points: [(center: CanvasPoint, text: String)]) -> [Placement] {
    var obstacles = points.map { point in
      CanvasRect(
        x: point.center.x - markerRadius, y: point.center.y - markerRadius,
        width: 2 * markerRadius, height: 2 * markerRadius)
    }
    var placements: [Placement] = []
    for point in points {
      let candidates = self.candidates(for: point.center, text: point.text)
      let scored = candidates.map { candidate in
        let overlap = obstacles.reduce(0) { $0 + $1.overlapArea(with: candidate.box) }
        let outside = bounds.contains(candidate.box) ? 0 : 1_000_000.0
        return (candidate, overlap + outside)
      }
      // min(by:) keeps the first of equal scores, so ties go to the earlier (preferred) spot.
      let best = scored.min { $0.1 < $1.1 }!.0
      placements.append(best)
      obstacles.append(best.box)
    }
    return placements
  }

  /// The eight spots around the marker, then the same eight further out for crowded clusters.
  private func candidates(for center: CanvasPoint, text: String) -> [Placement] {
    candidates(for: center, text: text, distance: 1)
      + candidates(for: center, text: text, distance: 2.5)
  }

  private func candidates(for center: CanvasPoint, text: String, distance: Double) -> [Placement] {
    let width = TextMetrics.width(of: text, fontSize: fontSize)
    let ascent = fontSize * 0.8
    let gap = (markerRadius + 3) * distance
    let diagonal = (markerRadius * 0.8 + 2) * distance
    // (anchor x, baseline, alignment) around the marker, in order of preference.
    let spots: [(Double, Double, TextAnchor)] = [
      (center.x + gap, center.y + fontSize * 0.35, .start),  // right
      (center.x + diagonal, center.y - diagonal, .start),  // upper right
      (center.x + diagonal, center.y + diagonal + ascent, .start),  // lower right
      (center.x - gap, center.y + fontSize * 0.35, .end),  // left
      (center.x, center.y - gap - 1, .middle),  // above
      (center.x, center.y + gap + ascent, .middle),  // below
      (center.x - diagonal, center.y - diagonal, .end),  // upper left
      (center.x - diagonal, center.y + diagonal + ascent, .end),  // lower left
    ]
    return spots.map { x, baseline, anchor in
      let left: Double
      switch anchor {
      case .start: left = x
      case .middle: left = x - width / 2
      case .end: left = x - width
      }
      let box = CanvasRect(x: left, y: baseline - ascent, width: width, height: fontSize)
      return Placement(text: text, x: x, baseline: baseline, anchor: anchor, box: box)
    }
  }
}
