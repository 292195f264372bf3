extension RatingsDataset {
  /// A few viewers and titles cut out of the dataset, for printing or drawing: the ratings among
  /// them, renumbered 0, 1, 2, … in the order given.
  ///
  /// - Parameters:
  ///   - users: the viewers to keep, in display order.
  ///   - items: the titles to keep, in display order.
  /// - Returns: a dataset with those names, the ratings between them (viewers in the given
  ///   order, each viewer's titles in the given order) and the same scale.
  /// - Complexity: O(ratings + users + items).
  public func slice(users: [Int], items: [Int]) -> RatingsDataset {
    var userSlot = [Int](repeating: -1, count: userCount)
    var itemSlot = [Int](repeating: -1, count: itemCount)
    for (slot, user) in users.enumerated() { userSlot[user] = slot }
    for (slot, item) in items.enumerated() { itemSlot[item] = slot }
    var cells = [[Double?]](
      repeating: [Double?](repeating: nil, count: items.count), count: users.count)
    for rating in ratings where userSlot[rating.user] >= 0 && itemSlot[rating.item] >= 0 {
      cells[userSlot[rating.user]][itemSlot[rating.item]] = rating.value
    }
    var kept: [Rating] = []
    for (user, row) in cells.enumerated() {
      for (item, value) in row.enumerated() {
        if let value { kept.append(Rating(user: user, item: item, value: value)) }
      }
    }
    return RatingsDataset(
      userNames: users.map { userNames[$0] }, itemNames: items.map { itemNames[$0] },
      ratings: kept, scale: scale)
  }
}
