// x'A⁻¹x for a symmetric positive-definite A through GSL's Cholesky factorisation
// (gsl_linalg_cholesky_decomp1, A = LLᵀ, then ‖L⁻¹x‖² by gsl_blas_dtrsv): the Wald statistic of the
// composition test. The matrices are (D − 1) × (D − 1) with D the categories, a handful.

import CGSL

enum QuadraticForm {
  /// x'A⁻¹x; nil where A is not positive definite, or a pivot is at the rounding level of the
  /// largest variance (a coordinate with no variance in either period: A is singular).
  static func inverse(_ a: [[Double]], _ x: [Double]) -> Double? {
    GSL.ensureReady()
    let k = x.count
    guard k >= 1, a.count == k, a.allSatisfy({ $0.count == k }) else { return nil }
    let matrix = gsl_matrix_alloc(k, k)!
    let vector = gsl_vector_alloc(k)!
    defer {
      gsl_matrix_free(matrix)
      gsl_vector_free(vector)
    }
    for i in 0..<k {
      gsl_vector_set(vector, i, x[i])
      for j in 0..<k { gsl_matrix_set(matrix, i, j, a[i][j]) }
    }
    // With the error handler off, a matrix that is not positive definite is a status, not an abort.
    guard gsl_linalg_cholesky_decomp1(matrix) == GSL_SUCCESS else { return nil }
    let scale = (0..<k).map { a[$0][$0] }.max() ?? 0
    for i in 0..<k {
      let pivot = gsl_matrix_get(matrix, i, i)
      guard pivot * pivot > scale * 1e-13 else { return nil }
    }
    // The lower triangle holds L: solve L z = x in place; x'A⁻¹x = ‖z‖².
    guard gsl_blas_dtrsv(CblasLower, CblasNoTrans, CblasNonUnit, matrix, vector) == GSL_SUCCESS else { return nil }
    var sum = 0.0
    for i in 0..<k { sum += gsl_vector_get(vector, i) * gsl_vector_get(vector, i) }
    return sum
  }
}
