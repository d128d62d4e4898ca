// Numbers for people: fixed decimals, p-values that never print as 0 (`pValue`, the one place for
// them), signed changes, percents, volumes and short axis numbers. The one place a number becomes
// text for a reader (CSV and JSON use machineNumber). A negative number for a reader has a real
// minus sign (−), as the signed changes beside it do; CSV and JSON keep the ASCII hyphen-minus that
// programs parse.

import Foundation

public enum NumberFormat {
  /// `value` with `decimals` places; "—" for nil or non-finite.
  public static func fixed(_ value: Double?, _ decimals: Int) -> String {
    guard let value, value.isFinite else { return "—" }
    let text = String(format: "%.\(decimals)f", value)
    return text == "-0" || text.hasPrefix("-0.") && Double(text) == 0 ? String(text.dropFirst()) : withMinus(text)
  }

  /// `text` with a leading ASCII "-" made a real minus sign.
  static func withMinus(_ text: String) -> String {
    text.hasPrefix("-") ? "−" + text.dropFirst() : text
  }

  /// A signed change: "+1.23", "−4.50" (a real minus sign).
  public static func signed(_ value: Double?, _ decimals: Int) -> String {
    guard let value, value.isFinite else { return "—" }
    let magnitude = fixed(abs(value), decimals)
    if Double(magnitude) == 0 { return magnitude }
    return (value > 0 ? "+" : "−") + magnitude
  }

  /// The one way a p-value becomes text: "0.012" from 0.001 up, "3.21e-45" below (3 significant
  /// digits), and "< 1e-300" where it nears the end of the double range (it underflows to 0 near
  /// 1e-308; the JSON's `log10_p` carries it exactly). A p that is only a bound (`isBound`: a
  /// bootstrap's every draw on one side of 0, so p < 1 / draws) prints as a plain upper bound,
  /// "< 0.0005", rounded up to 2 significant digits so it stays a true bound. "—" for nil.
  public static func pValue(_ p: Double?, isBound: Bool = false) -> String {
    guard let p, p.isFinite else { return "—" }
    if p < pFloor { return "< 1e-300" }
    if isBound { return "< " + plainUpperBound(p) }
    if p < 0.001 { return String(format: "%.2e", p) }
    return String(format: "%.3f", p)
  }

  /// The smallest p printed as a number: the double's normal range ends near 2.2e-308.
  static let pFloor = 1e-300

  /// "p = 0.012", "p < 1e-300", "p < 0.0005": a p-value in a sentence (`pValue`).
  public static func pClause(_ p: Double?, isBound: Bool = false) -> String {
    let text = pValue(p, isBound: isBound)
    return text.hasPrefix("<") ? "p \(text)" : "p = \(text)"
  }

  /// `value` (> 0) rounded up to 2 significant digits, in plain decimals: 0.0005 → "0.0005",
  /// 0.00050025 → "0.00051", 0.003 → "0.003".
  static func plainUpperBound(_ value: Double) -> String {
    let exponent = Int(floor(log10(value)))
    let decimals = max(0, 1 - exponent)
    let scale = pow(10, Double(decimals))
    // The relative slack keeps 0.0005 (stored as 0.000500000000000000010…) from rounding up to 0.00051.
    let up = (value * scale * (1 - 1e-12)).rounded(.up) / scale
    var text = String(format: "%.\(decimals)f", up)
    while text.contains(".") && (text.hasSuffix("0") || text.hasSuffix(".")) { text.removeLast() }
    return text
  }

  /// A whole number with thousands separators: 9,191. Any finite Double: the digits come from
  /// printf, not from Int64 (volumes in 18-decimal base units, wei, pass 9.2e18 and trapped).
  public static func grouped(_ value: Double?) -> String {
    guard let value, value.isFinite else { return "—" }
    let digits = String(format: "%.0f", abs(value).rounded())
    return (value < 0 && digits != "0" ? "−" : "") + separatingThousands(digits)
  }

  /// A signed whole number with separators and a real minus: −2,817,514.
  public static func signedGrouped(_ value: Double?) -> String {
    guard let value, value.isFinite else { return "—" }
    let magnitude = grouped(abs(value))
    if magnitude == "0" { return magnitude }
    return (value > 0 ? "+" : "−") + magnitude
  }

  /// A fraction as a percent with two decimals, as printf rounds it: 0.9574905 → "95.75%"; "—" for
  /// nil or non-finite. No negative zero: a smoothed share of −1e-17 (rounding in a moving mean of
  /// zeros) printed "−0.00%", a share below nothing.
  public static func percent(_ fraction: Double?) -> String {
    guard let fraction, fraction.isFinite else { return "—" }
    return fixed(fraction * 100, 2) + "%"
  }

  /// A fraction as a percent with `decimals` places and no negative zero: 0.958 → "95.8%", for
  /// sentences and axis ticks; "—" for nil.
  public static func percentLabel(_ fraction: Double?, decimals: Int) -> String {
    guard let fraction else { return "—" }
    return fixed(fraction * 100, decimals) + "%"
  }

  /// A volume: whole units with thousands separators from 100 up (1,044,253,412), two decimals
  /// below (12.35); "—" for nil or non-finite.
  public static func volume(_ value: Double?) -> String {
    guard let value, value.isFinite else { return "—" }
    let rounded = String(format: value >= 100 ? "%.0f" : "%.2f", value)
    let parts = rounded.split(separator: ".", omittingEmptySubsequences: false)
    var integer = String(parts[0])
    let negative = integer.hasPrefix("-")
    if negative { integer.removeFirst() }
    let result = (negative ? "−" : "") + separatingThousands(integer)
    return parts.count > 1 ? result + "." + parts[1] : result
  }

  /// A number short enough for an axis or a narrow column: 920.2M, 5M, 12.3k, 1.5G, 9191, 0.25;
  /// whole numbers without decimals. "—" for nil.
  public static func abbreviated(_ value: Double?) -> String {
    guard let value else { return "—" }
    let magnitude = abs(value)
    if magnitude >= 1e9 { return short(value / 1e9) + "G" }
    if magnitude >= 1e6 { return short(value / 1e6) + "M" }
    if magnitude >= 1e4 { return short(value / 1e3) + "k" }
    return short(value)
  }

  /// Whole numbers without decimals, others with two below 1 and one above.
  static func short(_ value: Double) -> String {
    // Past 10^15 a label is written in e-notation: Int(value) traps from 9.2e18 (bucket totals of
    // 9.2e27 reach here divided by 10^9).
    if abs(value) >= 1e15 { return withMinus(String(format: "%.3g", value)) }
    return value == value.rounded() ? withMinus(String(Int(value))) : fixed(value, abs(value) < 1 ? 2 : 1)
  }

  /// A string of digits with a comma every three from the right: 1234567 → 1,234,567.
  static func separatingThousands(_ digits: String) -> String {
    var out = ""
    for (i, ch) in digits.reversed().enumerated() {
      if i > 0 && i % 3 == 0 { out.append(",") }
      out.append(ch)
    }
    return String(out.reversed())
  }
}
