import Foundation

/// Writes a dataset in MovieLens 100k layout, so tests and demos can hand the loaders real-format
/// files.
///
/// Ids are the dense indices plus one (MovieLens numbers from 1). Reading the files back gives
/// the same ratings and titles, though items are renumbered in order of first appearance.
public enum RatingsWriter {
  /// The dataset as `u.data` text: `user<TAB>item<TAB>rating<TAB>timestamp`, one line per
  /// rating in the dataset's order.
  ///
  /// The timestamp column is required by the layout but the dataset has none, so it is 0.
  /// `u.data` holds whole stars: a rating like 3.5 is written as "3.5", and the 100k loader will
  /// refuse it.
  ///
  /// - Parameter dataset: The ratings to write.
  public static func movieLens100kText(_ dataset: RatingsDataset) -> String {
    var text = ""
    for rating in dataset.ratings {
      text += "\(rating.user + 1)\t\(rating.item + 1)\t\(plainNumber(rating.value))\t0\n"
    }
    return text
  }

  /// The item names as `u.item` bytes: `id|title|release date|video release date|IMDb URL`,
  /// Latin-1 encoded like the original.
  ///
  /// The dates and URL are left empty and the genre flags omitted. A `|` in a name becomes `/`
  /// and a character outside Latin-1 becomes `?`, since the layout can hold neither.
  ///
  /// - Parameter dataset: The dataset whose `itemNames` become titles.
  public static func movieLens100kItemData(_ dataset: RatingsDataset) -> Data {
    var bytes: [UInt8] = []
    for (item, name) in dataset.itemNames.enumerated() {
      bytes += Array("\(item + 1)|".utf8)
      for scalar in name.unicodeScalars {
        if scalar == "|" {
          bytes.append(UInt8(ascii: "/"))
        } else {
          bytes.append(scalar.value < 256 ? UInt8(scalar.value) : UInt8(ascii: "?"))
        }
      }
      bytes += Array("|||\n".utf8)
    }
    return Data(bytes)
  }
}
