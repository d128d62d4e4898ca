// Log-ratio geometry of compositions (Aitchison 1986; Egozcue et al. 2003): the centred log-ratio
// (clr), orthonormal log-ratio (ilr) coordinates in two bases, and multiplicative replacement of
// zeros, which a logarithm cannot take. Shares are compositions: only their ratios carry meaning,
// so distances and tests live in these coordinates, not in percentage points.

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// An orthonormal basis of the clr plane: D × (D − 1) contrasts, each column summing to 0 with unit
/// length and columns orthogonal, so that ilr(x) = clr(x) · V and clr(x) = V · ilr(x).
public enum IlrBasis: String, Sendable, CaseIterable {
  /// Pivot coordinates (Hron, Filzmoser & Thompson 2012): z_i = √((D−i)/(D−i+1)) ln(x_i / g(x_{i+1..D})),
  /// g the geometric mean; the first coordinate is the first part against all the others.
  case pivot
  /// Helmert contrasts: column i has 1/√(i(i+1)) on parts 1..i and −i/√(i(i+1)) on part i + 1.
  case helmert

  /// The D × (D − 1) contrast matrix, row = part, column = coordinate.
  public func matrix(parts d: Int) -> [[Double]] {
    var v = [[Double]](repeating: [Double](repeating: 0, count: max(d - 1, 0)), count: d)
    for i in 0..<max(d - 1, 0) {
      switch self {
      case .pivot:
        let rest = Double(d - i - 1)
        let scale = (rest / (rest + 1)).squareRoot()
        v[i][i] = scale
        for j in (i + 1)..<d { v[j][i] = -scale / rest }
      case .helmert:
        let k = Double(i + 1)
        let norm = (k * (k + 1)).squareRoot()
        for j in 0...i { v[j][i] = 1 / norm }
        v[i + 1][i] = -k / norm
      }
    }
    return v
  }
}

public enum LogRatio {
  /// clr(x)_j = ln x_j − (1/D) Σ ln x_k, for parts all > 0 (any closure: clr ignores scale).
  public static func clr(_ x: [Double]) -> [Double] {
    let logs = x.map { log($0) }
    let centre = logs.reduce(0, +) / Double(logs.count)
    return logs.map { $0 - centre }
  }

  /// ilr coordinates of a clr vector in the basis `v` (`IlrBasis.matrix`).
  public static func ilr(clr c: [Double], basis v: [[Double]]) -> [Double] {
    guard let k = v.first?.count else { return [] }
    return (0..<k).map { i in zip(c, v).reduce(0) { $0 + $1.0 * $1.1[i] } }
  }

  /// Aitchison distance ‖clr(x) − clr(y)‖ (Euclidean in clr, so in any ilr basis).
  public static func distance(_ x: [Double], _ y: [Double]) -> Double {
    zip(clr(x), clr(y)).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }.squareRoot()
  }

  /// The δ factor of `replacingZeros`: 0.65 of the detection limit, the value Martín-Fernández,
  /// Barceló-Vidal & Pawlowsky-Glahn (2003) found to distort the covariance structure least.
  public static let replacementFactor = 0.65

  /// Multiplicative replacement (Martín-Fernández et al. 2003) of the zero parts of `x` (≥ 0, not all
  /// 0), closed to 1: each zero becomes δ = 0.65 × the smallest non-zero share of `x` (the smallest
  /// amount the data resolve stands in for the detection limit, which volume data do not state), and
  /// the non-zero shares are scaled by 1 − (zeros) · δ, so their ratios are kept exactly. Returns the
  /// closed composition and how many parts were replaced.
  public static func replacingZeros(_ x: [Double]) -> (composition: [Double], replaced: Int) {
    let total = x.reduce(0, +)
    let shares = x.map { $0 / total }
    let zeros = shares.filter { $0 == 0 }.count
    guard zeros > 0, let smallest = shares.filter({ $0 > 0 }).min() else { return (shares, 0) }
    let delta = replacementFactor * smallest
    let scale = 1 - Double(zeros) * delta
    return (shares.map { $0 == 0 ? delta : $0 * scale }, zeros)
  }
}
