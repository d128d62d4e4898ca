// Is there any break? Andrews' (1993, Econometrica 61) sup-F test for one break in the mean of the logit share
// at an unknown date, with the p-value of Hansen's (1997, J. Business & Economic Statistics 15, "Approximate
// asymptotic p values for structural-change tests") response-surface approximation, as R's strucchange
// `sctest(Fstats(y ~ 1, from = trim), type = "supF")`.

/// The sup-F statistic over the candidate breaks in [⌊trim·n⌋, n − ⌊trim·n⌋], its p-value, and where it peaks.
public struct SupFTest: Sendable, Equatable {
  public var statistic: Double
  public var pValue: Double
  public var trim: Double
  /// The position where the second segment of the sup-F split starts.
  public var argmax: Int

  /// F_i = (RSS₀ − RSS_i) / (RSS_i / (n − 2)) for a mean shift after position i (strucchange's Fstats, k = 1).
  public init(_ y: [Double], trim: Double = 0.15) throws {
    let n = y.count
    var from = Int((trim * Double(n)).rounded(.down))
    from = max(from, 2)  // strucchange: from ≥ k + 1
    let to = n - from
    guard from <= to, n > 2 else {
      throw StatisticsInputError(description: "a sup-F test needs more than \(2 * from) values")
    }
    let total = y.reduce(0, +)
    let mean = total / Double(n)
    let rss0 = y.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
    var prefix = 0.0
    var best = -Double.infinity
    var bestI = from
    for i in 1...to {
      prefix += y[i - 1] - mean
      guard i >= from else { continue }
      // RSS₀ − RSS_i = the between-segment sum of squares of the centred series.
      let between = prefix * prefix * Double(n) / (Double(i) * Double(n - i))
      let rss = max(rss0 - between, 0)
      let f = rss > 0 ? between / (rss / Double(n - 2)) : .infinity
      if f > best {
        best = f
        bestI = i
      }
    }
    statistic = best
    self.trim = trim
    argmax = bestI
    let lambda = Double(n - from) * Double(to) / (Double(from) * Double(n - to))
    pValue = try SupFTest.hansenPValue(best, lambda: lambda)
  }

  /// Hansen's (1997) approximation for one regressor: p_j = P(χ²_{ν_j} > max(0, b₀_j + b₁_j F)) on a grid of
  /// trimmings τ = 0.49, 0.48, …, 0.01 interpolated linearly in τ = 1/(1 + √λ). The coefficients are
  /// strucchange's table `sc.beta.sup`, rows 1–25 (k = 1), from Hansen's published response surfaces.
  static func hansenPValue(_ x: Double, lambda: Double) throws -> Double {
    guard x.isFinite else { return 0 }
    let tau = lambda < 1 ? lambda : 1 / (1 + lambda.squareRoot())
    func pp(_ j: Int) throws -> Double {
      let b = beta[j - 1]
      return try Distributions.chiSquaredUpperTail(max(b.0 + b.1 * x, 0), degreesOfFreedom: b.2)
    }
    if tau == 0.5 { return try Distributions.chiSquaredUpperTail(x, degreesOfFreedom: 1) }
    if tau <= 0.01 { return try pp(25) }
    if tau >= 0.49 {
      return
        ((0.5 - tau) * (try pp(1)) + (tau - 0.49) * (try Distributions.chiSquaredUpperTail(x, degreesOfFreedom: 1)))
        * 100
    }
    let taua = (0.51 - tau) * 50
    let tau1 = Int(taua.rounded(.down))
    return (Double(tau1) + 1 - taua) * (try pp(tau1)) + (taua - Double(tau1)) * (try pp(tau1 + 1))
  }

  /// strucchange 1.5-3, `sc.beta.sup[1:25, ]` (sysdata.rda): intercept, slope, degrees of freedom.
  static let beta: [(Double, Double, Double)] = [
    (-0.0648467, 0.99671156, 1.2573241), (-0.15305667, 0.96757645, 1.43651315),
    (-0.23071675, 0.95825013, 1.56531261), (-0.29247661, 0.95715782, 1.68851898),
    (-0.35706588, 0.95237505, 1.77889686), (-0.40514715, 0.96055795, 1.89761322),
    (-0.45248386, 0.95810999, 1.98370422), (-0.50458517, 0.96149538, 2.07086519),
    (-0.55009159, 0.96684273, 2.17244338), (-0.60241623, 0.96518399, 2.23509053),
    (-0.64308746, 0.97354902, 2.33722161), (-0.68833676, 0.97829106, 2.42776524),
    (-0.73136161, 0.9820687, 2.50833918), (-0.78078198, 0.99475319, 2.6209551),
    (-0.82894221, 1.00023473, 2.70286643), (-0.88430133, 1.00162529, 2.77835798),
    (-0.9499265, 1.00384268, 2.84325795), (-0.98828874, 1.01604712, 2.96752918),
    (-1.04892713, 1.02570939, 3.08442682), (-1.11527783, 1.03526033, 3.19770394),
    (-1.14992644, 1.06643436, 3.44739573), (-1.24010871, 1.06929468, 3.54993605),
    (-1.38522113, 1.06808543, 3.61667211), (-1.48296473, 1.1283969, 4.07202473),
    (-1.78738608, 1.17220925, 4.4726701),
  ]
}
