// Axis ticks both renderers share: "nice" numbers (1, 2, 5 × 10^k) and calendar-aligned dates.

import ShareData

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

public enum Ticks {
  /// A step of 1, 2 or 5 × 10^k giving about `count` intervals over `span`.
  public static func niceStep(_ span: Double, count: Int) -> Double {
    guard span > 0, count > 0 else { return 1 }
    let raw = span / Double(count)
    let power = pow(10, floor(log10(raw)))
    let fraction = raw / power
    let nice: Double = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10
    return nice * power
  }

  /// The domain widened to whole steps.
  public static func niceDomain(_ domain: ClosedRange<Double>, count: Int = 5) -> ClosedRange<Double> {
    let step = niceStep(domain.upperBound - domain.lowerBound, count: count)
    return (floor(domain.lowerBound / step) * step)...(ceil(domain.upperBound / step) * step)
  }

  public static func niceLogDomain(_ domain: ClosedRange<Double>) -> ClosedRange<Double> {
    pow(10, floor(log10(domain.lowerBound)))...pow(10, ceil(log10(domain.upperBound)))
  }

  /// Tick values inside the domain, about `count` of them.
  public static func values(_ domain: ClosedRange<Double>, count: Int, scale: ChartSpec.Scale) -> [Double] {
    if scale == .log {
      var out: [Double] = []
      var v = domain.lowerBound
      while v <= domain.upperBound * (1 + 1e-9) {
        out.append(v)
        v *= 10
      }
      return out
    }
    let step = niceStep(domain.upperBound - domain.lowerBound, count: count)
    var out: [Double] = []
    var v = ceil(domain.lowerBound / step) * step
    while v <= domain.upperBound + step * 1e-9 {
      out.append(abs(v) < step * 1e-9 ? 0 : v)
      v += step
    }
    return out
  }

  /// A tick label: percent without needless decimals, or a compact number.
  public static func label(_ value: Double, scale: ChartSpec.Scale, step: Double) -> String {
    switch scale {
    case .percent:
      let decimals = step * 100 >= 1 ? 0 : step * 100 >= 0.1 ? 1 : 2
      return NumberFormat.fixed(value * 100, decimals) + "%"
    case .absolute, .log:
      let magnitude = abs(value)
      if magnitude >= 1e9 { return compact(value / 1e9) + "G" }
      if magnitude >= 1e6 { return compact(value / 1e6) + "M" }
      if magnitude >= 1e4 { return compact(value / 1e3) + "k" }
      return compact(value)
    }
  }

  static func compact(_ value: Double) -> String {
    // Past 10^15 a label is written in e-notation: Int(value) traps from 9.2e18 (bucket totals of
    // 9.2e27 reach here divided by 10^9).
    if abs(value) >= 1e15 { return String(format: "%.3g", value) }
    return value == value.rounded() ? String(Int(value)) : NumberFormat.fixed(value, abs(value) < 1 ? 2 : 1)
  }

  /// Calendar-aligned date ticks between two days (inclusive start, exclusive end), at most
  /// `maxCount`: years, quarters, months, weeks or days, whichever fits.
  public static func dates(from start: Int64, until end: Int64, maxCount: Int) -> (
    days: [Int64], every: Every, stride: Int
  ) {
    let options: [(Every, Int)] = [
      (.day, 1), (.day, 2), (.week, 1), (.week, 2), (.month, 1), (.quarter, 1), (.month, 6), (.year, 1), (.year, 2),
      (.year, 5), (.year, 10), (.year, 20), (.year, 50), (.year, 100),
    ]
    for (every, stride) in options {
      var days: [Int64] = []
      var day = every.bucketStart(day: start)
      if day < start { day = every.nextStart(after: day) }
      var index = 0
      while day < end {
        if every == .year
          ? CivilDate(dayNumber: day).year % stride == 0
          : (every == .month ? (CivilDate(dayNumber: day).month - 1) % stride == 0 : index % stride == 0)
        {
          days.append(day)
        }
        day = every.nextStart(after: day)
        index += 1
        if days.count > maxCount { break }
      }
      if days.count <= maxCount && !days.isEmpty { return (days, every, stride) }
    }
    return ([start], .year, 100)
  }

  /// A date tick label at the width the tick spacing allows.
  public static func dateLabel(_ day: Int64, every: Every) -> String {
    let date = CivilDate(dayNumber: day)
    switch every {
    case .year: return String(date.year)
    case .quarter, .month:
      return date.month == 1 ? String(date.year) : String(date.description.prefix(7))
    case .week, .day: return String(date.description.dropFirst(5))
    }
  }
}
