/// Numbers a file's ids (any text: "196", "alice") 0, 1, 2, … in order of first appearance.
///
/// Ratings files name users and items by id; the model wants dense indices. A 25M-row file looks
/// ids up 50 million times, so a lookup must neither allocate nor, ideally, hash:
/// - small decimal ids (every MovieLens id) index a table directly, one memory read each;
/// - other ids of up to 16 bytes are copied into two integers as a dictionary key;
/// - longer ids are spelled out as `String` keys.
/// Only a new id becomes a `String`.
struct DenseIdentifiers {
  /// The original ids, in order: `identifiers[index]` is the id that got `index`.
  private(set) var identifiers: [String] = []
  /// `indexByNumber[n]` is 1 + the dense index of the id "n", or 0 while unseen.
  private var indexByNumber: [UInt32] = []
  private var indexByShortID: [ShortID: Int] = [:]
  private var indexByLongID: [String: Int] = [:]

  /// Decimal ids below this use the table: at most 4 Mi entries, 16 MB.
  private static let tableLimit = 1 << 22

  var count: Int { identifiers.count }

  /// The dense index of the id spelled by `bytes`, numbering it next if it is new.
  ///
  /// - Parameter bytes: The id's UTF-8 bytes.
  /// - Complexity: O(length of the id), amortized; allocates only for a new or long id.
  mutating func index(for bytes: UnsafeRawBufferPointer) -> Int {
    let nextIndex = identifiers.count
    let index: Int
    if let number = Self.tableNumber(bytes) {
      if number >= indexByNumber.count {
        // Doubling keeps growth amortized O(1) as ids climb.
        let newCount = min(Self.tableLimit, max(number + 1, 2 * indexByNumber.count))
        indexByNumber += [UInt32](repeating: 0, count: newCount - indexByNumber.count)
      }
      let stored = indexByNumber[number]
      index = stored == 0 ? nextIndex : Int(stored) - 1
      if index == nextIndex { indexByNumber[number] = UInt32(nextIndex + 1) }
    } else if let shortID = ShortID(bytes) {
      index = indexByShortID[shortID, default: nextIndex]
      if index == nextIndex { indexByShortID[shortID] = nextIndex }
    } else {
      let longID = String(decoding: bytes, as: UTF8.self)
      index = indexByLongID[longID, default: nextIndex]
      if index == nextIndex { indexByLongID[longID] = nextIndex }
    }
    if index == nextIndex { identifiers.append(String(decoding: bytes, as: UTF8.self)) }
    return index
  }

  /// The dense index of the id `bytes` spell once surrounding spaces are removed, or nil when
  /// nothing is left.
  mutating func index(forTrimmed bytes: UnsafeRawBufferPointer) -> Int? {
    let trimmed = bytes.trimmingSpaces()
    return trimmed.isEmpty ? nil : index(for: trimmed)
  }

  /// The id's value when it is a decimal number below `tableLimit` written without leading zeros
  /// (so "7" and "007", different ids, never share a slot), else nil.
  private static func tableNumber(_ bytes: UnsafeRawBufferPointer) -> Int? {
    guard let first = bytes.first, ASCII.isDigit(first), bytes.count <= 7,
      first != ASCII.zero || bytes.count == 1
    else { return nil }
    var number = 0
    for byte in bytes {
      guard ASCII.isDigit(byte) else { return nil }
      number = number * 10 + Int(byte - ASCII.zero)
    }
    return number < tableLimit ? number : nil
  }

  /// An id of up to 16 bytes copied into two zero-padded words; the count tells "1" from "1\0".
  private struct ShortID: Hashable {
    var low: UInt64 = 0
    var high: UInt64 = 0
    var count: Int

    init?(_ bytes: UnsafeRawBufferPointer) {
      guard bytes.count <= 16 else { return nil }
      count = bytes.count
      var words: (UInt64, UInt64) = (0, 0)
      withUnsafeMutableBytes(of: &words) { $0.copyMemory(from: bytes) }
      (low, high) = words
    }
  }
}
