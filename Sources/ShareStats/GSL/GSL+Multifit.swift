// Ordinary least squares with several regressors (gsl_multifit_linear, which solves by the singular value
// decomposition, so a nearly collinear design loses accuracy gracefully instead of through the normal
// equations). The interrupted time series of `effect` is fitted here.

import CGSL

extension Fitting {
  /// OLS of `y` on `columns` (each a regressor with one value per observation; include a column of ones for
  /// an intercept): the coefficients, their classical covariance σ̂² (X'X)⁻¹ and the residual sum of squares.
  public static func multiple(y: [Double], columns: [[Double]]) throws -> (
    coefficients: [Double], covariance: [[Double]], sumSquares: Double
  ) {
    GSL.ensureReady()
    let n = y.count
    let k = columns.count
    guard k >= 1, n > k, columns.allSatisfy({ $0.count == n }) else {
      throw StatisticsInputError(description: "a regression needs more observations than coefficients")
    }
    let design = gsl_matrix_alloc(n, k)!
    let response = gsl_vector_alloc(n)!
    let coefficients = gsl_vector_alloc(k)!
    let covariance = gsl_matrix_alloc(k, k)!
    let workspace = gsl_multifit_linear_alloc(n, k)!
    defer {
      gsl_matrix_free(design)
      gsl_vector_free(response)
      gsl_vector_free(coefficients)
      gsl_matrix_free(covariance)
      gsl_multifit_linear_free(workspace)
    }
    for t in 0..<n {
      gsl_vector_set(response, t, y[t])
      for c in 0..<k { gsl_matrix_set(design, t, c, columns[c][t]) }
    }
    var chisq = 0.0
    try GSL.check(
      gsl_multifit_linear(design, response, coefficients, covariance, &chisq, workspace), "gsl_multifit_linear")
    let beta = (0..<k).map { gsl_vector_get(coefficients, $0) }
    // The unweighted gsl_multifit_linear returns σ̂² (X'X)⁻¹, σ̂² = chisq / (n − k).
    let cov = (0..<k).map { a in (0..<k).map { gsl_matrix_get(covariance, a, $0) } }
    return (beta, cov, chisq)
  }
}
