import Foundation

/// `x` with exactly `decimals` digits after the point, never "-0.00": the narration's numbers.
public func fixed(_ x: Double, _ decimals: Int) -> String {
  NumberFormat.fixed(x, decimals: decimals)
}

/// A share as a percentage: `percent(0.4375)` is "43.8%".
public func percent(_ share: Double, decimals: Int = 1) -> String {
  NumberFormat.fixed(share * 100, decimals: decimals) + "%"
}

/// A whole number with thousands separators: `grouped(100480507)` is "100,480,507".
public func grouped(_ value: Int) -> String {
  let digits = String(value.magnitude)
  var result = ""
  for (index, digit) in digits.enumerated() {
    if index > 0 && (digits.count - index) % 3 == 0 { result.append(",") }
    result.append(digit)
  }
  return value < 0 ? "-" + result : result
}
