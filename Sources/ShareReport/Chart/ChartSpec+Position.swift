// Where a value sits on the y axis, as a fraction of the domain: the one mapping both renderers
// scale to rows (terminal) or pixels (SVG), so a log axis cannot be drawn one way in a terminal
// and another way in a report.

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension ChartSpec.Scale {
  /// `value` as a fraction of `domain`, 0 at its lower bound and 1 at its upper one; linear in
  /// log10 on a log scale, where values at or below the lower bound (zero included) sit at 0.
  public func position(of value: Double, in domain: ClosedRange<Double>) -> Double {
    if self == .log {
      let lo = log10(domain.lowerBound)
      let hi = log10(domain.upperBound)
      return (log10(max(value, domain.lowerBound)) - lo) / (hi - lo)
    }
    return (value - domain.lowerBound) / (domain.upperBound - domain.lowerBound)
  }
}
