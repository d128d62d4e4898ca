// Welch's unequal-variance t-test (Welch 1947): is the mean of one series different from another's?

/// Result of a two-sample test; statistics are nil where undefined, with `note` saying why.
public struct WelchTest: Sendable, Equatable {
  /// t = (mean B − mean A) / √(varA/nA + varB/nB).
  public var t: Double?
  /// Welch–Satterthwaite degrees of freedom.
  public var degreesOfFreedom: Double?
  /// Two-sided p-value from Student's t.
  public var pValue: Double?
  /// log10 of `pValue`, exact where the p-value is below the smallest double and prints as 0.
  public var log10PValue: Double?
  public var note: String?

  /// Tests `b` against `a` (the sign of t is B minus A).
  public init(_ a: [Double], _ b: [Double]) throws {
    guard a.count >= 2, b.count >= 2 else {
      let short = a.count < 2 ? a.count : b.count
      note = "a period with \(short) value\(short == 1 ? "" : "s") has no variance: no test"
      return
    }
    let meanA = try Descriptive.mean(a)
    let meanB = try Descriptive.mean(b)
    let qa = try Descriptive.variance(a) / Double(a.count)
    let qb = try Descriptive.variance(b) / Double(b.count)
    let se2 = qa + qb
    guard se2 > 0 else {
      // Both series are constant: equal means are no evidence of change, different ones are certain.
      if meanA == meanB {
        t = 0
        pValue = 1
      } else {
        pValue = 0
      }
      note = "both periods are constant: no variance"
      return
    }
    let df = se2 * se2 / (qa * qa / Double(a.count - 1) + qb * qb / Double(b.count - 1))
    let t = (meanB - meanA) / se2.squareRoot()
    self.t = t
    degreesOfFreedom = df
    pValue = try Distributions.studentTTwoSided(t, degreesOfFreedom: df)
    log10PValue = try Distributions.log10StudentTTwoSided(t, degreesOfFreedom: df)
  }
}
