// Options that change numbers, checked through the binary against values worked out by hand in
// the test (or read from the reference fixtures): --absent, --bands, --color, --smooth, --block and
// --seed, inspect's text and JSON, the JSON contracts of docs/json.md, and .csv.gz input.

import Foundation
import ShareData
import TestSupport
import Testing

/// The rows of a CSV output keyed by their first `keyColumns` fields.
func csvRows(_ text: String, keyColumns: Int = 1) -> [String: [String]] {
  var rows: [String: [String]] = [:]
  for line in text.split(separator: "\n").dropFirst() {
    let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    rows[fields.prefix(keyColumns).joined(separator: ",")] = fields
  }
  return rows
}

func jsonObject(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> [String: Any] {
  let value = try JSONSerialization.jsonObject(with: Data(text.utf8))
  return try #require(value as? [String: Any], sourceLocation: sourceLocation)
}

/// The keys of the first JSON example under `heading` in docs/json.md, in the order written.
func documentedKeys(under heading: String) throws -> [String] {
  let doc = try String(contentsOfFile: Paths.root + "/docs/json.md", encoding: .utf8)
  let section = try #require(doc.range(of: heading), "docs/json.md has no \(heading)")
  let rest = doc[section.upperBound...]
  let open = try #require(rest.range(of: "```json\n"))
  let close = try #require(rest.range(of: "\n```", range: open.upperBound..<rest.endIndex))
  let example = rest[open.upperBound..<close.lowerBound]
  var keys: [String] = []
  var scan = Substring(example)
  while let quote = scan.range(of: "\"") {
    let after = scan[quote.upperBound...]
    guard let end = after.range(of: "\"") else { break }
    let word = String(after[..<end.lowerBound])
    let tail = after[end.upperBound...]
    if tail.hasPrefix(":") && !keys.contains(word) { keys.append(word) }
    scan = tail
  }
  return keys
}

/// Keys of a rendered JSON text in the order they first appear.
func keysInOrder(_ text: String) -> [String] {
  var keys: [String] = []
  for line in text.split(separator: "\n") {
    var scan = Substring(line)
    while let quote = scan.range(of: "\"") {
      let after = scan[quote.upperBound...]
      guard let end = after.range(of: "\"") else { break }
      let word = String(after[..<end.lowerBound])
      let tail = after[end.upperBound...]
      if tail.hasPrefix(":") && !keys.contains(word) { keys.append(word) }
      scan = tail
    }
  }
  return keys
}

@Suite(.serialized) struct CommandOptionTests {
  // a is observed on days 1–3 and 5 and missing on day 4 (inside its span); b starts on day 2, so
  // on day 1 it is absent (outside its span).
  static let spans = "Time,a,b\n2016-01-01,2,\n2016-01-02,1,3\n2016-01-03,1,1\n2016-01-04,,4\n2016-01-05,3,1\n"

  @Test func absentZeroCountsACategoryBeforeItsStartAsZeroAndMissingLeavesItOut() throws {
    let dir = TemporaryDirectory()
    defer { dir.cleanup() }
    let input = dir.file("in.csv", Self.spans)
    let zero = try runSharelens(["shares", input, "--format", "csv"])
    #expect(zero.status == 0, "\(zero.stderr)")
    let z = csvRows(zero.stdout, keyColumns: 3)
    // Day 1: b had not started: 0 of a total of 2 (a alone), coverage 1 of 1 active.
    #expect(
      z["2016-01-01,2016-01-01,b"] == ["2016-01-01", "2016-01-01", "b", "0", "0", "2", "1", "false", "", "0", "align"])
    // Day 4: a is missing inside its span: no volume, no share; total 4 (b alone), 1 of 2 observed.
    #expect(
      z["2016-01-04,2016-01-04,a"] == ["2016-01-04", "2016-01-04", "a", "", "", "4", "0.5", "false", "0", "0", "align"])
    let missing = try runSharelens(["shares", input, "--format", "csv", "--absent", "missing"])
    #expect(missing.status == 0, "\(missing.stderr)")
    let m = csvRows(missing.stdout, keyColumns: 3)
    #expect(
      m["2016-01-01,2016-01-01,b"] == ["2016-01-01", "2016-01-01", "b", "", "", "2", "1", "false", "", "0", "align"])
    #expect(m["2016-01-04,2016-01-04,a"] == z["2016-01-04,2016-01-04,a"])
    // Equal weighting over the 5 days: a's daily shares 1, 1/4, 1/2, (missing), 3/4; with --absent
    // missing the mean is over the days a was observed, the same here; b's differ: zero counts day 1.
    // --gaps ignore keeps day 4 (a missing), which the default align would leave out of the month.
    let equalZero = try runSharelens([
      "shares", input, "--format", "csv", "--every", "month", "--weighting", "equal", "--gaps", "ignore",
    ])
    let equalMissing = try runSharelens([
      "shares", input, "--format", "csv", "--every", "month", "--weighting", "equal", "--absent", "missing", "--gaps",
      "ignore",
    ])
    let bZero = try #require(Double(csvRows(equalZero.stdout, keyColumns: 3)["2016-01-01,2016-01-31,b"]?[4] ?? ""))
    let bMissing = try #require(
      Double(csvRows(equalMissing.stdout, keyColumns: 3)["2016-01-01,2016-01-31,b"]?[4] ?? ""))
    // b's daily shares: 0 (absent, counted), 3/4, 1/2, 1, 1/4.
    #expect(abs(bZero - (0 + 0.75 + 0.5 + 1 + 0.25) / 5) < 1e-12)
    #expect(abs(bMissing - (0.75 + 0.5 + 1 + 0.25) / 4) < 1e-12)
  }

  @Test func bandsChooseTheGuidelinesThresholds() throws {
    // Shares 30, 20, 20, 15, 15 %: HHI = 900 + 400 + 400 + 225 + 225 = 2,150, above the 2023
    // guidelines' 1,800 (highly) and inside the 2010 guidelines' 1,500–2,500 (moderately).
    let dir = TemporaryDirectory()
    defer { dir.cleanup() }
    let input = dir.file("in.csv", "Time,a,b,c,d,e\n2016-01-01,30,20,20,15,15\n")
    for (bands, label) in [("2023", "highly concentrated"), ("2010", "moderately concentrated")] {
      let run = try runSharelens(["concentration", input, "--bands", bands, "--format", "csv"])
      #expect(run.status == 0, "\(run.stderr)")
      let row = try #require(csvRows(run.stdout)["2016-01-01"])
      // start,end,hhi,cr1,cr3,cr4,effective_n,entropy,gini,categories,band,partial
      #expect(Double(row[2]).map { abs($0 - 2150) < 1e-9 } == true, "\(row)")
      #expect(Double(row[3]).map { abs($0 - 0.30) < 1e-12 } == true)
      #expect(Double(row[4]).map { abs($0 - 0.70) < 1e-12 } == true)
      #expect(Double(row[5]).map { abs($0 - 0.85) < 1e-12 } == true)
      #expect(Double(row[6]).map { abs($0 - 10_000 / 2150) < 1e-12 } == true)
      // Gini: sorted 0.15, 0.15, 0.2, 0.2, 0.3 with weights −4, −2, 0, 2, 4 → 0.7 / 5 = 0.14.
      #expect(Double(row[8]).map { abs($0 - 0.14) < 1e-12 } == true)
      #expect(row[9] == "5" && row[10] == label, "\(bands): \(row)")
    }
  }

  @Test func colorAlwaysNeverAndAuto() throws {
    let dir = TemporaryDirectory()
    defer { dir.cleanup() }
    let input = dir.file("in.csv", Self.spans)
    let always = try runSharelens(["shares", input, "--chart", "--color", "always"])
    #expect(always.status == 0, "\(always.stderr)")
    #expect(always.stdout.contains("\u{1B}["), "--color always on a pipe has no colour")
    let never = try runSharelens(["shares", input, "--chart", "--color", "never"])
    #expect(never.status == 0 && !never.stdout.contains("\u{1B}["))
    // auto: standard output is a file here, not a terminal.
    let auto = try runSharelens(["shares", input, "--chart"])
    #expect(auto.status == 0 && !auto.stdout.contains("\u{1B}["))
    #expect(auto.stdout == never.stdout)
  }

  @Test func smoothingAveragesEachRunOfSharesAndKeepsTheGap() throws {
    // a's daily shares 0.1, 0.2, 0.3, 0.4, 0.5, (missing), 0.6, 0.8; totals are 10 each day.
    let dir = TemporaryDirectory()
    defer { dir.cleanup() }
    let input = dir.file(
      "in.csv",
      "Time,a,b\n2016-01-01,1,9\n2016-01-02,2,8\n2016-01-03,3,7\n2016-01-04,4,6\n2016-01-05,5,5\n2016-01-06,,10\n"
        + "2016-01-07,6,4\n2016-01-08,8,2\n")
    let expected: [(String, Double?)] = [
      ("2016-01-01", (0.1 + 0.2) / 2), ("2016-01-02", 0.2), ("2016-01-03", 0.3), ("2016-01-04", 0.4),
      ("2016-01-05", (0.4 + 0.5) / 2), ("2016-01-06", nil), ("2016-01-07", 0.7), ("2016-01-08", 0.7),
    ]
    let run = try runSharelens(["shares", input, "--smooth", "3", "--format", "csv"])
    #expect(run.status == 0, "\(run.stderr)")
    let rows = csvRows(run.stdout, keyColumns: 3)
    #expect(rows.count == 16)
    for (day, share) in expected {
      let row = try #require(rows["\(day),\(day),a"], "\(day)")
      if let share {
        #expect(Double(row[4]).map { abs($0 - share) < 1e-12 } == true, "\(day): \(row[4]) vs \(share)")
      } else {
        #expect(row[4] == "", "\(day): the gap was filled: \(row)")
      }
    }
    // The median of 3: 0.15 → median(0.1, 0.2) = 0.15 at the truncated end, then the middle value.
    let median = try runSharelens(["shares", input, "--smooth", "3", "--smooth-method", "median", "--format", "csv"])
    let m = csvRows(median.stdout, keyColumns: 3)
    #expect(m["2016-01-03,2016-01-03,a"]?[4] == "0.3")
    #expect(m["2016-01-06,2016-01-06,a"]?[4] == "")
    #expect(Double(m["2016-01-08,2016-01-08,a"]?[4] ?? "").map { abs($0 - 0.7) < 1e-12 } == true)
  }

  /// Two periods of 120 days. In the `waving` one a's share is a slow wave (period 60 days), so
  /// neighbouring days are strongly correlated; in the other it is a constant, which resampling
  /// cannot change, so the interval's width comes from the waving period alone.
  static func wave(waving: Int) -> String {
    var lines = ["Time,a,b"]
    let day0 = 16_801  // 2016-01-01
    for t in 0..<240 {
      let period = t < 120 ? 0 : 1
      let share = period == waving ? 0.4 + 0.25 * sin(2 * Double.pi * Double(t) / 60) : 0.5
      let a = Int((share * 1000).rounded())
      lines.append("\(dateString(seconds: Int64(day0 + t) * 86_400)),\(a),\(1000 - a)")
    }
    return lines.joined(separator: "\n") + "\n"
  }

  func interval(_ arguments: [String], _ input: String) throws -> (delta: Double, low: Double, high: Double) {
    let run = try runSharelens(
      [
        "compare", input, "--period", "A=2016-01-01..2016-04-29", "--period", "B=2016-04-30..2016-08-27", "--format",
        "json", "--resamples", "1000",
      ] + arguments)
    #expect(run.status == 0, "\(run.stderr)")
    let json = try jsonObject(run.stdout)
    let a = try #require((json["categories"] as? [[String: Any]])?.first { $0["category"] as? String == "a" })
    let ci = try #require(a["ci95_pp"] as? [Double])
    return (try #require(a["delta_pp"] as? Double), ci[0], ci[1])
  }

  @Test(arguments: [0, 1])
  func theBlockBootstrapFollowsBlockAndSeed(waving: Int) throws {
    let dir = TemporaryDirectory()
    defer { dir.cleanup() }
    let input = dir.file("wave.csv", Self.wave(waving: waving))
    let iid = try interval(["--block", "1", "--seed", "7"], input)
    let blocks = try interval(["--block", "30", "--seed", "7"], input)
    // The point estimate lies inside its interval.
    for i in [iid, blocks] { #expect(i.low < i.delta && i.delta < i.high, "\(i)") }
    // Blocks of a month keep the wave's correlation: a much wider interval than single days
    // (about 3.4 times: a 30-day block's mean varies by ±16 points, a day's share by ±18).
    #expect((blocks.high - blocks.low) > 2 * (iid.high - iid.low), "block 30 \(blocks) vs block 1 \(iid)")
    // The same seed in another process gives the same interval; another seed a different one.
    let again = try interval(["--block", "30", "--seed", "7"], input)
    #expect(again.low == blocks.low && again.high == blocks.high)
    let other = try interval(["--block", "30", "--seed", "8"], input)
    #expect(other.low != blocks.low || other.high != blocks.high)
  }

  @Test func inspectDescribesTheFileInTextAndJSON() throws {
    let dir = TemporaryDirectory()
    defer { dir.cleanup() }
    let input = dir.file("in.csv", "Time,a,b,TOTAL\n2016-01-01,1,3,4\n2016-01-02,2,,2\n2016-01-04,1,1,2\n")
    let text = try runSharelens(["inspect", input])
    #expect(text.status == 0, "\(text.stderr)")
    for line in [
      "  layout      wide", "  rows        3", "  empty cells 1 (missing, not zero)",
      "  excluded    TOTAL (equals the row sum)",
      "  range       2016-01-01 .. 2016-01-04",
    ] {
      #expect(text.stdout.contains(line), "no \(line) in\n\(text.stdout)")
    }
    #expect(text.stdout.contains("1 days with no row") || text.stdout.contains("1 day with no row"), "\(text.stdout)")
    let run = try runSharelens(["inspect", input, "--format", "json"])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(keysInOrder(run.stdout) == (try documentedKeys(under: "## `sharelens inspect --format json`")))
    let json = try jsonObject(run.stdout)
    let source = try #require((json["sources"] as? [[String: Any]])?.first)
    #expect(source["layout"] as? String == "wide")
    #expect(source["time_column"] as? String == "Time")
    #expect(source["rows"] as? Double == 3)
    #expect(source["empty_cells"] as? Double == 1)
    #expect(source["gap_rows"] as? Double == 0)
    #expect(source["excluded_columns"] as? [String] == ["TOTAL"])
    #expect(source["first"] as? String == "2016-01-01" && source["last"] as? String == "2016-01-04")
    #expect(json["resolution"] as? String == "day")
    #expect(json["missing_steps"] as? Double == 1)
    let categories = try #require(json["categories"] as? [[String: Any]])
    #expect(categories.map { $0["name"] as? String } == ["a", "b"])
    #expect(categories.map { $0["total"] as? Double } == [4, 4])
    #expect(categories.map { $0["values"] as? Double } == [3, 2])
  }

  @Test func trendJSONFollowsDocsAndTheStatsmodelsReference() throws {
    let run = try runSharelens([
      "trend", Paths.dailyByExchange, "--map", Paths.exchangeCurrency, "--category", "CNY", "--from", "2017-01-24",
      "--to", "2017-10-31", "--format", "json",
    ])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(keysInOrder(run.stdout) == (try documentedKeys(under: "## `sharelens trend --format json`")))
    let json = try jsonObject(run.stdout)
    // reference-trend.csv, case cny-2017 (scripts/fixtures/breaks_reference.py, statsmodels OLS).
    let reference: [String: Double] = [
      "n": 281, "clamped": 0, "intercept": 114.28681717525804, "slope_per_month": -0.20397747472240443,
      "slope_se": 0.015062869312562548, "p_value": 1.8699787643850685e-32, "r2": 0.39659856630525547,
      "half_life_months": 3.3981555144912847,
    ]
    for (key, value) in reference {
      let got = try #require(json[key] as? Double, "\(key)")
      #expect(relativeDifference(got, value) < 1e-6, "\(key): \(got) vs \(value)")
    }
    #expect(json["from"] as? String == "2017-01-24" && json["to"] as? String == "2017-10-31")
  }

  @Test func concentrationCSVAndJSONEqualThePandasReference() throws {
    let reference = try String(
      contentsOfFile: Paths.fixture("ShareStatsTests", "reference-concentration-monthly.csv"), encoding: .utf8)
    // month,hhi,cr1,cr3,cr4,effective_n,entropy,gini,n_categories,band
    let expected = csvRows(reference)
    let base = ["concentration", Paths.dailyByExchange, "--map", Paths.exchangeCurrency, "--every", "month"]
    let csv = try runSharelens(base + ["--format", "csv"])
    #expect(csv.status == 0, "\(csv.stderr)")
    let got = csvRows(csv.stdout)
    #expect(Set(got.keys) == Set(expected.keys))
    let json = try runSharelens(base + ["--format", "json"])
    #expect(json.status == 0, "\(json.stderr)")
    #expect(keysInOrder(json.stdout) == (try documentedKeys(under: "## `sharelens concentration --format json`")))
    let buckets = try #require(try jsonObject(json.stdout)["buckets"] as? [[String: Any]])
    #expect(buckets.count == expected.count)
    let names = ["hhi", "cr1", "cr3", "cr4", "effective_n", "entropy", "gini"]
    for bucket in buckets {
      let start = try #require(bucket["start"] as? String)
      let ref = try #require(expected[start], "\(start) not in the reference")
      let row = try #require(got[start])
      for (k, name) in names.enumerated() {
        let r = try #require(Double(ref[k + 1]))
        let fromCSV = try #require(Double(row[k + 2]), "\(start) \(name)")
        let fromJSON = try #require(bucket[name] as? Double, "\(start) \(name)")
        #expect(relativeDifference(fromCSV, r) < 1e-9, "\(start) \(name) csv: \(fromCSV) vs \(r)")
        #expect(relativeDifference(fromJSON, r) < 1e-9, "\(start) \(name) json: \(fromJSON) vs \(r)")
      }
      // Currencies are not firms: the categories agree, and no band is printed (the reference's
      // band is what the guidelines would say of firms with these shares).
      #expect(row[9] == ref[8] && row[10] == "", "\(start): \(row) vs \(ref)")
      #expect(bucket["band"] is NSNull)
    }
  }

  @Test func jsonEscapesQuotesAndBackslashesInNames() throws {
    let dir = TemporaryDirectory()
    defer { dir.cleanup() }
    let input = dir.file("in.csv", "date,cat,v\n2016-01-01,\"say \"\"hi\"\"\",3\n2016-01-01,back\\slash,1\n")
    let run = try runSharelens(["shares", input, "--format", "json"])
    #expect(run.status == 0, "\(run.stderr)")
    let json = try jsonObject(run.stdout)
    #expect(json["categories"] as? [String] == ["say \"hi\"", "back\\slash"])
  }

  /// I04: a zip on standard input reads as the file does, and a cut one is an error naming <stdin>.
  @Test func aZipOnAPipeReadsAsTheFileDoesAndACutOneIsAnError() throws {
    let zip = Paths.fixture("ShareDataTests", "binance/data/spot/daily/trades/XRPUSDT/XRPUSDT-trades-two-days.zip")
    let fromFile = try runSharelens(["shares", zip, "--every", "day", "--format", "csv"])
    #expect(fromFile.status == 0, "\(fromFile.stderr)")
    for command in [
      "cat '\(zip)' | '\(Paths.binary)' shares - --every day --format csv",
      "cat '\(zip)' | '\(Paths.binary)' shares --every day --format csv",
    ] {
      let piped = try runProcess("/bin/sh", ["-c", command])
      #expect(piped.status == 0 && piped.stdout == fromFile.stdout, "\(command): \(piped.stderr)")
    }
    let cut = try runProcess("/bin/sh", ["-c", "head -c 400 '\(zip)' | '\(Paths.binary)' shares -"])
    #expect(cut.status == 65 && cut.stderr.contains("<stdin>: the zip archive ends early"), "\(cut.stderr)")
  }

  /// I05: a zip on standard input with nowhere to copy it to is an I/O error naming the folder.
  @Test func aZipOnAPipeWithNoTemporaryFolderIsAnError() throws {
    let zip = Paths.fixture("ShareDataTests", "binance/data/spot/daily/trades/XRPUSDT/XRPUSDT-trades-two-days.zip")
    let result = try runProcess(
      "/bin/sh", ["-c", "cat '\(zip)' | TMPDIR=/nonexistent/tmp '\(Paths.binary)' shares -"])
    #expect(result.status == 74, "\(result.stderr)")
    #expect(result.stderr.contains("cannot create a temporary file in /nonexistent/tmp"), "\(result.stderr)")
    #expect(result.stderr.contains("set TMPDIR"), "\(result.stderr)")
  }

  @Test func gzipInputIsReadAndATruncatedOrCorruptOneIsAnError() throws {
    let dir = TemporaryDirectory()
    defer { dir.cleanup() }
    var text = "Time,a,b\n"
    for d in 1...28 { text += "2016-02-\(d < 10 ? "0" : "")\(d),\(d),\(100 - d)\n" }
    let plain = dir.file("in.csv", text)
    let zipped = try runProcess("/bin/sh", ["-c", "gzip -9 -n -c '\(plain)' > '\(dir.path)/in.csv.gz'"])
    #expect(zipped.status == 0, "\(zipped.stderr)")
    let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: dir.path + "/in.csv.gz")))
    let fromPlain = try runSharelens(["shares", plain, "--format", "csv"])
    let fromGzip = try runSharelens(["shares", dir.path + "/in.csv.gz", "--format", "csv"])
    #expect(fromGzip.status == 0, "\(fromGzip.stderr)")
    #expect(fromGzip.stdout == fromPlain.stdout && fromPlain.stdout.contains("2016-02-28,2016-02-28,a,28,0.28,100"))
    // Cut before the end of the deflate stream (the last 8 bytes are the CRC and length).
    let truncated = dir.file("cut.csv.gz", bytes: Array(bytes[..<(bytes.count - 20)]))
    let cut = try runSharelens(["shares", truncated])
    #expect(cut.status == 65, "\(cut.stderr)")
    #expect(cut.stderr.contains("the compressed data ends early") && cut.stderr.contains("gzip -t"), "\(cut.stderr)")
    // A deflate block of the reserved type 3 (the header is 10 bytes with gzip -n; the block starts
    // with BFINAL = 1, BTYPE = 11).
    var bad = bytes
    bad[10] = 0x07
    let corrupt = dir.file("bad.csv.gz", bytes: bad)
    let broken = try runSharelens(["shares", corrupt])
    #expect(broken.status == 65, "\(broken.stderr)")
    #expect(broken.stderr.contains("cannot decompress"), "\(broken.stderr)")
  }
}
