/// The Levenshtein distance: how many single-character insertions, deletions or substitutions
/// turn `source` into `target`. Used to suggest `--factors` for a mistyped `--fators`.
///
/// - Complexity: O(m × n) time and O(n) memory for strings of m and n characters.
func editDistance(_ source: String, _ target: String) -> Int {
  let source = Array(source)
  let target = Array(target)
  // previous[j] is the distance between the source prefix so far and target's first j characters.
  var previous = Array(0...target.count)
  for (i, sourceCharacter) in source.enumerated() {
    var current = [i + 1]
    for (j, targetCharacter) in target.enumerated() {
      let substitution = previous[j] + (sourceCharacter == targetCharacter ? 0 : 1)
      current.append(min(substitution, previous[j + 1] + 1, current[j] + 1))
    }
    previous = current
  }
  return previous[target.count]
}

/// The candidate closest to `typed`, if it is close enough to be a plausible typo.
///
/// Ties go to the earliest candidate, so the suggestion does not depend on hashing.
/// - Parameters:
///   - typed: What was given, e.g. `--fators`.
///   - candidates: The known names, in help order.
func closestMatch(to typed: String, among candidates: [String]) -> String? {
  // Allow about one slip per three characters typed, at least one.
  let tolerance = max(1, typed.drop(while: { $0 == "-" }).count / 3)
  var best: (name: String, distance: Int)?
  for candidate in candidates {
    let distance = editDistance(typed, candidate)
    if distance <= tolerance, distance < (best?.distance ?? .max) {
      best = (candidate, distance)
    }
  }
  return best?.name
}
