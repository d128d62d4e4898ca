// sharelens reads its own outputs back (shares CSV and JSON, volumes), reads piped standard input
// without a `-`, and filters wide files by category name. Round trips compare every field of
// `shares --format csv` except `partial`: a saved bucket is dated at its start, so which days the
// original data covered is not in it (README, "Reading data").

import Foundation
import TestSupport
import Testing

/// `shares --format csv` as (start, category) → its fields, for comparison.
private func rows(_ csv: String) -> [String: [String]] {
  var out: [String: [String]] = [:]
  for line in csv.split(separator: "\n").dropFirst() {
    let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    out[fields[0] + " " + fields[2]] = fields
  }
  return out
}

/// Equal fields: the same text, or numbers within 1e-12 (a sum added in another order).
private func mismatches(_ a: [String: [String]], _ b: [String: [String]]) -> [String] {
  var found: [String] = []
  if Set(a.keys) != Set(b.keys) { found.append("keys: \(a.count) vs \(b.count)") }
  for (key, left) in a {
    guard let right = b[key] else { continue }
    // start, end, category, volume, share, total, coverage; partial (7) is not carried.
    for i in 0..<7 where left[i] != right[i] {
      if let x = Double(left[i]), let y = Double(right[i]), relativeDifference(x, y) < 1e-12 { continue }
      found.append("\(key) field \(i): \(left[i]) vs \(right[i])")
    }
  }
  return found
}

@Suite struct InputRoundTripTests {
  func shares(_ arguments: [String], stdin: String? = nil) throws -> String {
    let result = try runSharelens(["shares"] + arguments + ["--format", "csv"], stdin: stdin)
    #expect(result.status == 0, "\(arguments): \(result.stderr)")
    return result.stdout
  }

  @Test(arguments: [[], ["--every", "month"], ["--every", "week"]])
  func sharesCSVAndJSONAndVolumesReadBackGiveTheSameShares(_ every: [String]) throws {
    let dir = TemporaryDirectory()
    defer { dir.cleanup() }
    // A saved table holds each bucket's volumes, not its days: read back, its shares are volume over
    // total, which is what --gaps ignore gives (align would leave out bitfinex's missing August days).
    let original = try shares([Paths.dailyByExchange, "--gaps", "ignore"] + every)
    let csv = dir.file("saved.csv", original)
    let json = dir.path + "/saved.json"
    let volumes = dir.path + "/volumes.csv"
    #expect(
      try runSharelens(["shares", Paths.dailyByExchange, "--format", "json", "--out", json] + every).status == 0)
    #expect(try runSharelens(["volumes", Paths.dailyByExchange, "--out", volumes] + every).status == 0)
    for saved in [csv, json, volumes] {
      let again = try shares([saved] + every)
      let found = mismatches(rows(original), rows(again))
      #expect(found.isEmpty, "\(saved) \(every): \(found.prefix(5))")
    }
  }

  @Test func pipedStandardInputIsReadWithoutADash() throws {
    let text = "Time,a,b\n2016-01-01,1,3\n"
    let piped = try shares([], stdin: text)
    #expect(piped.contains("2016-01-01,2016-01-01,b,3,0.75,4,1,false"), "\(piped)")
    #expect(piped == (try shares(["-"], stdin: text)))
  }

  @Test func aSemicolonFileFromStandardInputIsNamedByInspect() throws {
    let result = try runSharelens(["inspect"], stdin: "Time;a;b\n2016-01-01;1;3\n")
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("delimiter   semicolon"), "\(result.stdout)")
  }

  @Test func excludeDropsACategoryColumnOfAWideFile() throws {
    let all = rows(try shares([Paths.monthlyByExchange]))
    let without = rows(try shares([Paths.monthlyByExchange, "--exclude", "exchange=others"]))
    #expect(all.keys.contains { $0.hasSuffix(" others") })
    #expect(!without.keys.contains { $0.hasSuffix(" others") })
    #expect(without.count == all.count - all.keys.filter { $0.hasSuffix(" others") }.count)
  }

  @Test func aFilterValueNamingNoColumnOfSeveralWideFilesListsThemAll() throws {
    // CategoryFilterTests reads the same two files with values that name a column of either.
    let dir = TemporaryDirectory()
    defer { dir.cleanup() }
    let one = dir.file("one.csv", "Time,a,b\n2016-01-01,1,3\n")
    let two = dir.file("two.csv", "Time,c,d\n2016-01-02,1,3\n")
    let typo = try runSharelens(["shares", one, two, "--exclude", "exchange=cc"])
    #expect(typo.status == 64)
    #expect(
      typo.stderr.contains("--exclude exchange=cc: none of \(one), \(two) has a category \"cc\""), "\(typo.stderr)")
    #expect(typo.stderr.contains("their categories are \"a\", \"b\", \"c\", \"d\""), "\(typo.stderr)")
  }

  @Test func twoSavedHalvesGivenTogetherReadBackToTheWholeFoldedShares() throws {
    let dir = TemporaryDirectory()
    defer { dir.cleanup() }
    let monthly = Paths.root + "/datasets/btc-volume-by-currency-monthly.csv"
    // The data saved in two halves, one as CSV and one as JSON; read together and folded to the
    // top 3, they give what the whole file gives.
    let early = dir.path + "/early.csv"
    let late = dir.path + "/late.json"
    #expect(try runSharelens(["shares", monthly, "--to", "2017-12", "--format", "csv", "--out", early]).status == 0)
    #expect(try runSharelens(["shares", monthly, "--from", "2018-01", "--format", "json", "--out", late]).status == 0)
    let found = mismatches(rows(try shares([monthly, "--top", "3"])), rows(try shares([early, late, "--top", "3"])))
    #expect(found.isEmpty, "\(found.prefix(5))")
  }
}
