// Numbers for people: fixed decimals, p-values that never print as 0, signed changes.

import Foundation

public enum NumberFormat {
  /// `value` with `decimals` places; "—" for nil or non-finite.
  public static func fixed(_ value: Double?, _ decimals: Int) -> String {
    guard let value, value.isFinite else { return "—" }
    let text = String(format: "%.\(decimals)f", value)
    return text == "-0" || text.hasPrefix("-0.") && Double(text) == 0 ? String(text.dropFirst()) : text
  }

  /// A signed change: "+1.23", "−4.50" (a real minus sign).
  public static func signed(_ value: Double?, _ decimals: Int) -> String {
    guard let value, value.isFinite else { return "—" }
    let magnitude = fixed(abs(value), decimals)
    if Double(magnitude) == 0 { return magnitude }
    return (value > 0 ? "+" : "−") + magnitude
  }

  /// A p-value: 3 significant digits, and "< 1e-10" below that (a p-value is never exactly 0).
  public static func pValue(_ p: Double?) -> String {
    guard let p, p.isFinite else { return "—" }
    if p < 1e-10 { return "< 1e-10" }
    if p < 0.001 { return String(format: "%.2e", p) }
    return String(format: "%.3f", p)
  }

  /// A whole number with thousands separators: 9,191. Any finite Double: the digits come from
  /// printf, not from Int64 (volumes in 18-decimal base units, wei, pass 9.2e18 and trapped).
  public static func grouped(_ value: Double?) -> String {
    guard let value, value.isFinite else { return "—" }
    let digits = String(format: "%.0f", abs(value).rounded())
    var out = ""
    for (i, ch) in digits.reversed().enumerated() {
      if i > 0 && i % 3 == 0 { out.append(",") }
      out.append(ch)
    }
    return (value < 0 && digits != "0" ? "-" : "") + String(out.reversed())
  }

  /// A signed whole number with separators and a real minus: −2,817,514.
  public static func signedGrouped(_ value: Double?) -> String {
    guard let value, value.isFinite else { return "—" }
    let magnitude = grouped(abs(value))
    if magnitude == "0" { return magnitude }
    return (value > 0 ? "+" : "−") + magnitude
  }
}
