// The thin, safe boundary to the GNU Scientific Library. GSL's default error handler prints and
// aborts the process; it is switched off once, here, and every status code a GSL routine returns
// becomes a thrown GSLError. Only this folder imports CGSL, and no GSL pointer leaves it.
// GSL checks nothing itself (n < 2 gives NaN variance, unsorted data gives a wrong quantile), so
// every wrapper validates its input first.

import CGSL

/// A GSL routine failed: its status code, GSL's own text for it, and the routine's name.
public struct GSLError: Error, Sendable, CustomStringConvertible {
  public var status: Int32
  public var routine: String
  public var reason: String

  public var description: String { "\(routine) failed: \(reason) (GSL status \(status))" }
}

/// Raised before calling GSL when the input cannot give a meaningful answer.
public struct StatisticsInputError: Error, Sendable, CustomStringConvertible {
  public var description: String
}

enum GSL {
  /// Turns GSL's aborting error handler off exactly once (a lazily initialised global is thread-safe).
  private static let handlerOff: Bool = {
    gsl_set_error_handler_off()
    return true
  }()

  static func ensureReady() { _ = handlerOff }

  /// Maps a GSL status to a thrown error. GSL's constants import as Int, its functions return Int32.
  static func check(_ status: Int32, _ routine: String) throws {
    guard status != Int32(GSL_SUCCESS) else { return }
    throw GSLError(status: status, routine: routine, reason: String(cString: gsl_strerror(status)))
  }
}

/// Descriptive statistics through gsl_stats_*.
public enum Descriptive {
  /// The arithmetic mean (gsl_stats_mean). Needs at least one value.
  public static func mean(_ values: [Double]) throws -> Double {
    GSL.ensureReady()
    guard !values.isEmpty else { throw StatisticsInputError(description: "the mean of no values is undefined") }
    return values.withUnsafeBufferPointer { gsl_stats_mean($0.baseAddress!, 1, $0.count) }
  }

  /// The sample variance with n − 1 in the denominator (gsl_stats_variance). Needs two values.
  public static func variance(_ values: [Double]) throws -> Double {
    GSL.ensureReady()
    guard values.count >= 2 else {
      throw StatisticsInputError(description: "a variance needs at least two values, got \(values.count)")
    }
    return values.withUnsafeBufferPointer { gsl_stats_variance($0.baseAddress!, 1, $0.count) }
  }
}

/// Distribution functions through gsl_cdf_*.
public enum Distributions {
  /// Upper tail of Student's t with `degreesOfFreedom` (gsl_cdf_tdist_Q): P(T > t).
  public static func studentTUpperTail(_ t: Double, degreesOfFreedom: Double) throws -> Double {
    GSL.ensureReady()
    guard t.isFinite, degreesOfFreedom.isFinite, degreesOfFreedom > 0 else {
      throw StatisticsInputError(description: "Student's t needs a finite t and positive degrees of freedom")
    }
    return gsl_cdf_tdist_Q(t, degreesOfFreedom)
  }
}

/// Least-squares fits through gsl_fit_*.
public enum Fitting {
  /// Ordinary least squares y = c0 + c1 x (gsl_fit_linear): intercept, slope and their covariance.
  public static func linear(x: [Double], y: [Double]) throws -> (
    intercept: Double, slope: Double, cov00: Double, cov01: Double, cov11: Double, sumSquares: Double
  ) {
    GSL.ensureReady()
    guard x.count == y.count, x.count >= 2 else {
      throw StatisticsInputError(description: "a linear fit needs two or more (x, y) pairs of equal count")
    }
    var c0 = 0.0
    var c1 = 0.0
    var cov00 = 0.0
    var cov01 = 0.0
    var cov11 = 0.0
    var sumsq = 0.0
    let status = x.withUnsafeBufferPointer { xs in
      y.withUnsafeBufferPointer { ys in
        gsl_fit_linear(xs.baseAddress!, 1, ys.baseAddress!, 1, xs.count, &c0, &c1, &cov00, &cov01, &cov11, &sumsq)
      }
    }
    try GSL.check(status, "gsl_fit_linear")
    return (c0, c1, cov00, cov01, cov11, sumsq)
  }
}

extension Distributions {
  /// Two-sided p-value of a t statistic: 2 · P(T > |t|) (gsl_cdf_tdist_Q).
  public static func studentTTwoSided(_ t: Double, degreesOfFreedom: Double) throws -> Double {
    min(1, 2 * (try studentTUpperTail(abs(t), degreesOfFreedom: degreesOfFreedom)))
  }

  /// Upper tail of the F distribution (gsl_cdf_fdist_Q): P(F > f).
  public static func fUpperTail(_ f: Double, numeratorDF: Double, denominatorDF: Double) throws -> Double {
    GSL.ensureReady()
    guard f.isFinite, f >= 0, numeratorDF > 0, denominatorDF > 0 else {
      throw StatisticsInputError(description: "the F distribution needs F ≥ 0 and positive degrees of freedom")
    }
    return gsl_cdf_fdist_Q(f, numeratorDF, denominatorDF)
  }
}

/// A seeded Mersenne Twister (gsl_rng_mt19937). Not Sendable: make one per task.
public final class RandomSource {
  private let rng: UnsafeMutablePointer<gsl_rng>

  public init(seed: UInt) {
    GSL.ensureReady()
    // gsl_rng_alloc returns nil only when out of memory.
    rng = gsl_rng_alloc(sharelens_rng_mt19937())!
    gsl_rng_set(rng, seed)
  }

  /// A uniform integer in 0..<bound (gsl_rng_uniform_int).
  public func uniformInt(below bound: Int) -> Int {
    precondition(bound > 0)
    return Int(gsl_rng_uniform_int(rng, UInt(bound)))
  }

  deinit { gsl_rng_free(rng) }
}

/// Moving-window smoothing through gsl_movstat (centred window, edges truncated).
public enum MovingWindow {
  public enum Statistic: String, CaseIterable, Sendable { case mean, median }

  /// Smooths `values` with a centred window of `window` points (odd; even is rounded up).
  public static func smooth(_ values: [Double], window: Int, statistic: Statistic) throws -> [Double] {
    GSL.ensureReady()
    guard window >= 1 else { throw StatisticsInputError(description: "a smoothing window needs 1 or more points") }
    guard values.count > 1, window > 1 else { return values }
    // Past the series' length a wider window changes nothing (the ends are truncated), so it is cut
    // there: gsl_movstat_alloc(10^9) returns NULL, which GSL then dereferences.
    let half = min(window / 2, values.count)
    guard let workspace = gsl_movstat_alloc(half * 2 + 1) else {
      throw StatisticsInputError(description: "no memory for a smoothing window of \(half * 2 + 1) points")
    }
    defer { gsl_movstat_free(workspace) }
    var input = values
    var output = [Double](repeating: 0, count: values.count)
    let status = input.withUnsafeMutableBufferPointer { inBuffer in
      output.withUnsafeMutableBufferPointer { outBuffer in
        var x = gsl_vector_view_array(inBuffer.baseAddress, inBuffer.count)
        var y = gsl_vector_view_array(outBuffer.baseAddress, outBuffer.count)
        switch statistic {
        case .mean: return gsl_movstat_mean(GSL_MOVSTAT_END_TRUNCATE, &x.vector, &y.vector, workspace)
        case .median: return gsl_movstat_median(GSL_MOVSTAT_END_TRUNCATE, &x.vector, &y.vector, workspace)
        }
      }
    }
    try GSL.check(status, "gsl_movstat_\(statistic.rawValue)")
    return output
  }
}

/// Quantiles through gsl_stats_quantile_from_sorted_data (linear interpolation, numpy's default).
public enum Quantiles {
  public static func fromSorted(_ sorted: [Double], _ fraction: Double) throws -> Double {
    GSL.ensureReady()
    guard !sorted.isEmpty, (0...1).contains(fraction) else {
      throw StatisticsInputError(description: "a quantile needs values and a fraction in 0...1")
    }
    // GSL does not check the order; a wrong order gives a silently wrong answer.
    for i in 1..<sorted.count where sorted[i - 1] > sorted[i] {
      throw StatisticsInputError(description: "quantile input is not sorted")
    }
    return sorted.withUnsafeBufferPointer {
      gsl_stats_quantile_from_sorted_data($0.baseAddress!, 1, $0.count, fraction)
    }
  }
}
