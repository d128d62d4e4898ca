// log10 p-values against mpmath at 60 digits (scripts/fixtures/log_p_reference.py), from ordinary
// p-values to ones far below the smallest double, where the p itself is 0.

import Foundation
import ShareStats
import TestSupport
import Testing

@Suite struct LogPValueTests {
  static let rows: [[String: String]] = {
    let text = try! String(contentsOfFile: Paths.fixture("ShareStatsTests", "reference-log-p.csv"), encoding: .utf8)
    let lines = text.split(separator: "\n").map {
      $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    }
    return lines.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(lines[0], $0)) }
  }()

  @Test func everyKindMatchesTheHighPrecisionReference() throws {
    #expect(Self.rows.count == 28)
    for row in Self.rows {
      let statistic = Double(row["statistic"]!)!
      let expected = Double(row["log10_p"]!)!
      let ours: Double
      switch row["kind"]! {
      case "t": ours = try Distributions.log10StudentTTwoSided(statistic, degreesOfFreedom: Double(row["df1"]!)!)
      case "f":
        ours = try Distributions.log10FUpperTail(
          statistic, numeratorDF: Double(row["df1"]!)!, denominatorDF: Double(row["df2"]!)!)
      default: ours = try Distributions.log10NormalTwoSided(statistic)
      }
      let tolerance = max(1e-9 * abs(expected), 1e-12)
      #expect(abs(ours - expected) <= tolerance, "\(row): \(ours)")
    }
  }

  @Test func whereThePIsANormalDoubleItAgreesWithTheDirectTail() throws {
    for (t, df) in [(2.0, 10.0), (6.0, 30.0), (13.5, 299.0)] {
      let direct = try Distributions.studentTTwoSided(t, degreesOfFreedom: df)
      let viaLog = pow(10, try Distributions.log10StudentTTwoSided(t, degreesOfFreedom: df))
      #expect(abs(viaLog - direct) <= 1e-12 * direct)
    }
  }
}
