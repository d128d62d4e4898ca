// Every numeric option has a range; outside it is status 64 naming the range, never a trap:
// rows N01–N08 of docs/errors.md.

import Foundation
import TestSupport
import Testing

@Suite struct OptionRangeTests {
  static let monthly = Paths.monthlyByExchange

  struct Case: Sendable, CustomTestStringConvertible {
    var arguments: [String]
    var message: String
    var testDescription: String { arguments.joined(separator: " ") }
  }

  /// A value past either end of an option's range is a usage error that names the range:
  /// N02: --width (`--chart --width 1000000000` asked for 32 GB).
  /// N03: --timeout (`1e16` trapped converting to Int; NaN).
  /// N04: --resamples (`1e12` ran for ever).
  /// N05: --block.
  /// N06: --top.
  /// N07: --max-breaks.
  /// N08: --min-segment.
  /// (N01, --smooth, here and below.)
  @Test(arguments: [
    Case(
      arguments: ["shares", "IN", "--smooth", "500000000"],
      message: "--smooth 500000000 is out of range: give 1 to 10000"),
    Case(arguments: ["shares", "IN", "--smooth", "0"], message: "give 1 to 10000 buckets"),
    Case(arguments: ["shares", "IN", "--chart", "--width", "1000000000"], message: "give 30 to 1000 columns"),
    Case(arguments: ["report", "IN", "--width", "29"], message: "give 30 to 1000 columns"),
    Case(arguments: ["shares", "IN", "--timeout", "1e16"], message: "give 0.001 to 86400 seconds"),
    Case(arguments: ["shares", "IN", "--timeout", "nan"], message: "give 0.001 to 86400 seconds"),
    Case(
      arguments: ["compare", "IN", "--period", "a=2015", "--period", "b=2016", "--resamples", "1000000000000"],
      message: "give 0 to 100000 resamples"),
    Case(
      arguments: ["compare", "IN", "--period", "a=2015", "--period", "b=2016", "--block", "0"],
      message: "give 1 to 10000 days"),
    Case(arguments: ["shares", "IN", "--top", "0"], message: "give 1 to 100000 categories"),
    Case(
      arguments: ["breaks", "IN", "--category", "bitstamp", "--max-breaks", "5000"], message: "give 1 to 1000 breaks"),
    Case(
      arguments: ["breaks", "IN", "--category", "bitstamp", "--min-segment", "0"], message: "give 1 to 10000 values"),
  ])
  func outOfRangeIsAUsageError(_ case: Case) throws {
    let result = try runSharelens(`case`.arguments.map { $0 == "IN" ? Self.monthly : $0 })
    #expect(result.status == 64, "\(result.stderr)")
    #expect(result.stderr.contains(`case`.message), "\(result.stderr)")
  }

  /// N01: the widest window in range works on a short series (the library cuts the window at the
  /// series' length: GSL's workspace for a window of 10^9 points was NULL and then dereferenced).
  @Test func theWidestSmoothingWindowWorks() throws {
    let result = try runSharelens(["shares", Self.monthly, "--smooth", "10000", "--format", "csv"])
    #expect(result.status == 0, "\(result.stderr)")
  }
}
