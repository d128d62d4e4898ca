// The binary as a user runs it: exit statuses, messages, atomic output, the acceptance numbers.

import Foundation
import ShareData
import TestSupport
import Testing

@Suite(.serialized) struct CLITests {
  @Test func theAcceptanceRunShowsCNYAndExcludesTOTAL() throws {
    let result = try runSharelens([
      "shares", Paths.monthlyByExchangeCR, "--map", Paths.exchangeCurrency, "--every", "year",
    ])
    #expect(result.status == 0)
    let row2016 = result.stdout.split(separator: "\n").first { $0.hasPrefix("2016") }!
    let row2018 = result.stdout.split(separator: "\n").first { $0.hasPrefix("2018") }!
    let header = result.stdout.split(separator: "\n").first!
    let cnyColumn = header.split(separator: "│").firstIndex { $0.trimmingCharacters(in: .whitespaces) == "CNY" }!
    #expect(row2016.split(separator: "│")[cnyColumn].trimmingCharacters(in: .whitespaces) == "95.75%")
    let cny2018 = Double(row2018.split(separator: "│")[cnyColumn].trimmingCharacters(in: .whitespaces).dropLast())!
    #expect(cny2018 < 1)
    #expect(result.stderr.contains("\"TOTAL\" equals the sum of the other columns"))
  }

  /// The guard every test leans on: a program that hangs is killed at its time limit and the
  /// result says so, even when it ignores SIGTERM.
  @Test func aProgramThatHangsIsKilledAtItsTimeLimit() throws {
    let start = Date()
    let result = try runProcess("/bin/sh", ["-c", "trap '' TERM; echo started; sleep 30"], timeLimit: 1)
    #expect(result.status == -1)
    #expect(result.stdout == "started\n")
    #expect(result.stderr.contains("ran longer than 1 s"))
    // Well before the 30 s the program would take (1 s limit, up to 5 s for Foundation's notice).
    #expect(Date().timeIntervalSince(start) < 20)
  }

  /// make test runs each swift test under scripts/time-limit.py: at the limit, and when the
  /// command ends, nothing it started may live on, not even a process in a group of its own that
  /// ignores SIGTERM (such a process once kept swift test's output open until CI gave up).
  @Test func theTestTimeLimitLeavesNothingRunning() throws {
    let script = Paths.root + "/scripts/time-limit.py"
    // Durations unique to this test run, so that pgrep cannot see another run's strays on a shared machine.
    let (first, second) = ("104.\(getpid())", "105.\(getpid())")
    let stray =
      "import signal, subprocess\nsignal.signal(signal.SIGTERM, signal.SIG_IGN)\nsubprocess.Popen(['sleep', '%@'], process_group=0)\n"
    let hung = try runProcess(
      script,
      ["1", "python3", "-c", stray.replacingOccurrences(of: "%@", with: first) + "import time\ntime.sleep(60)\n"],
      timeLimit: 60)
    #expect(hung.status == 124)
    #expect(hung.stderr.contains("ran longer than 1 s"), "\(hung.stderr)")
    let finished = try runProcess(
      script, ["30", "python3", "-c", stray.replacingOccurrences(of: "%@", with: second)], timeLimit: 60)
    #expect(finished.status == 0)
    #expect(finished.stderr.contains("left running"), "\(finished.stderr)")
    for marker in ["sleep \(first)", "sleep \(second)"] {
      let left = try runProcess("/usr/bin/pgrep", ["-f", marker])
      #expect(left.status == 1, "still running: \(left.stdout)")
    }
    let exitStatus = try runProcess(script, ["30", "sh", "-c", "exit 3"])
    #expect(exitStatus.status == 3)
  }

  /// inspect on every shared export: the layout each file has (read off the files), and as many
  /// rows as the file has non-blank lines after its header (counted here, any line ending).
  @Test func inspectDescribesEverySharedCSV() throws {
    let layouts = [
      "BCHARTS-BTCNCNY.csv": "ohlcv", "kraken-btc-volume-by-currency-daily-2013-2021.csv": "wide",
      "btc-volume-by-currency-daily-2018.csv": "wide", "bitcoinaverage-volume-by-currency-2016-05-01.csv": "long",
      "btc-volume-by-exchange-monthly-2015-2018.csv": "wide", "btc-volume-by-exchange-monthly-2015-2018.cr.csv": "wide",
      "btc-volume-by-exchange-daily-2016-2021.csv": "wide",
    ]
    let kinds = ["exchange-currency.csv": "category map (from,to) with 11 entries", "china-events.csv": "events list"]
    let enumerator = FileManager.default.enumerator(atPath: Paths.shared)!
    var checked: Set<String> = []
    while let path = enumerator.nextObject() as? String {
      guard path.hasSuffix(".csv") else { continue }
      let name = String(path.split(separator: "/").last!)
      let result = try runSharelens(["inspect", Paths.shared(path), "--format", "json"])
      #expect(result.status == 0, "\(path): \(result.stderr)")
      let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
      if let kind = kinds[name] {
        #expect((json?["kind"] as? String)?.hasPrefix(kind) == true, "\(path): \(result.stdout)")
      } else {
        let source = (json?["sources"] as? [[String: Any]])?.first
        #expect(source?["layout"] as? String == layouts[name], "\(path): \(result.stdout)")
        let text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: Paths.shared(path))), as: UTF8.self)
        let lines = text.split(whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }).filter {
          !$0.allSatisfy(\.isWhitespace)
        }
        #expect(source?["rows"] as? Double == Double(lines.count - 1), "\(path)")
      }
      checked.insert(name)
    }
    #expect(checked == Set(layouts.keys).union(kinds.keys))
  }

  @Test func jsonFollowsTheContract() throws {
    let result = try runSharelens([
      "shares", Paths.monthlyByExchangeCR, "--map", Paths.exchangeCurrency, "--every", "year", "--format", "json",
    ])
    #expect(result.status == 0)
    let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
    #expect(json["every"] as? String == "year")
    #expect((json["categories"] as? [String])?.first == "CNY")
    let buckets = json["buckets"] as! [[String: Any]]
    #expect(buckets.count == 4)
    let y2016 = buckets[1]
    #expect(y2016["start"] as? String == "2016-01-01" && y2016["end"] as? String == "2016-12-31")
    let share = (y2016["shares"] as! [String: Any])["CNY"] as! Double
    #expect(abs(share - 0.9574905816577839) < 1e-12)
    #expect(buckets[3]["partial"] as? Bool == true)
    // Every share is a fraction or null (never NaN, which would not even parse), and a bucket's
    // shares add up to 1.
    for bucket in buckets {
      let shares = bucket["shares"] as! [String: Any]
      let values = shares.values.compactMap { $0 as? Double }
      #expect(values.count + shares.values.filter { $0 is NSNull }.count == shares.count)
      #expect(values.allSatisfy { $0 >= 0 && $0 <= 1 })
      #expect(abs(values.reduce(0, +) - 1) < 1e-9, "\(bucket["start"]!)")
    }
  }

  @Test func csvIsTidyAndNullIsEmpty() throws {
    let dir = TemporaryDirectory()
    defer { dir.cleanup() }
    let input = dir.file("in.csv", "Time,a,b\n2016-01-01,1,\n2016-01-02,1,1\n2016-01-03,1,3\n")
    let result = try runSharelens(["shares", input, "--format", "csv"])
    #expect(result.status == 0)
    let lines = result.stdout.split(separator: "\n")
    #expect(lines[0] == "start,end,category,volume,share,total,coverage,partial,day_coverage,days_left_out,gaps")
    #expect(lines.contains("2016-01-01,2016-01-01,a,1,1,1,1,false,1,0,align"))
    #expect(lines.contains("2016-01-01,2016-01-01,b,0,0,1,1,false,,0,align"))  // b had not started: 0, no active day
  }

  @Test func standardInputIsReadWithDash() throws {
    let result = try runSharelens(["shares", "-", "--format", "csv"], stdin: "Time,a,b\n2016-01-01,1,3\n")
    #expect(result.status == 0)
    #expect(result.stdout.contains("2016-01-01,2016-01-01,b,3,0.75,4,1,false"))
  }

  @Test func usageErrorsExit64() throws {
    let dir = TemporaryDirectory()
    defer { dir.cleanup() }
    let input = dir.file("in.csv", "Time,a\n2016-01-01,1\n")
    for arguments in [
      ["shares", input, "--from", "2017-01-01", "--to", "2016-01-01"],
      ["shares", input, "--every", "fortnight"],
      ["shares", input, "--top", "0"],
      ["shares", input, "--from", "2016-02-30"],
      ["shares", input, "--group", "exchange"],
      ["shares", input, "--no-such-flag"],
      ["shares"],
    ] {
      let result = try runSharelens(arguments)
      #expect(result.status == 64, "\(arguments): \(result.stderr)")
      #expect(!result.stderr.isEmpty)
    }
  }

  @Test func dataErrorsExit65WithFileLineAndColumn() throws {
    let dir = TemporaryDirectory()
    defer { dir.cleanup() }
    let input = dir.file("bad.csv", "Time,a,b\n2016-01-01,1,2\n2016-01-02,3,x\n2016-01-03,3,4\n2016-01-04,3,4\n")
    let result = try runSharelens(["shares", input])
    #expect(result.status == 65)
    #expect(result.stderr.contains("bad.csv:3:3: not a number: \"x\""))
    #expect(result.stderr.contains("expected a decimal number"))
    #expect(!result.stderr.contains("Fatal error"))
  }

  @Test func missingInputsAndDirectoriesExit66() throws {
    #expect(try runSharelens(["shares", "/nonexistent.csv"]).status == 66)
    let dir = TemporaryDirectory()
    defer { dir.cleanup() }
    let result = try runSharelens(["inspect", dir.path])
    #expect(result.status == 66)
    #expect(result.stderr.contains("directory"))
  }

  @Test func outputIsAtomicAndUnwritableOutputExits73() throws {
    let dir = TemporaryDirectory()
    defer { dir.cleanup() }
    let good = dir.file("good.csv", "Time,a\n2016-01-01,1\n")
    let bad = dir.file("bad.csv", "Time,a\n2016-01-01,oops\n")
    let out = dir.path + "/out.csv"
    // A failed run creates nothing.
    #expect(try runSharelens(["shares", bad, "--out", out]).status == 65)
    #expect(!FileManager.default.fileExists(atPath: out))
    // A good run writes; a later failing run leaves the file as it was.
    #expect(try runSharelens(["shares", good, "--format", "csv", "--out", out]).status == 0)
    let before = try String(contentsOfFile: out, encoding: .utf8)
    #expect(try runSharelens(["shares", bad, "--format", "csv", "--out", out]).status == 65)
    #expect(try String(contentsOfFile: out, encoding: .utf8) == before)
    // A directory that does not exist, or a directory as the target.
    #expect(try runSharelens(["shares", good, "--out", dir.path + "/no/such/dir/x.csv"]).status == 73)
    #expect(try runSharelens(["shares", good, "--out", dir.path]).status == 73)
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.contains(".tmp-") }
    #expect(leftovers.isEmpty)
  }

  @Test func strictTurnsWarningsIntoErrors() throws {
    let result = try runSharelens(["shares", Paths.monthlyByExchange, "--strict"])
    #expect(result.status == 65)
    #expect(result.stderr.contains("--strict"))
  }

  @Test func theBundledDatasetIsCurrent() throws {
    let dir = TemporaryDirectory()
    defer { dir.cleanup() }
    let out = dir.path + "/monthly.csv"
    let result = try runSharelens([
      "volumes", Paths.dailyByExchange, "--map", Paths.exchangeCurrency, "--every", "month", "--out", out,
    ])
    #expect(result.status == 0)
    let committed = try String(
      contentsOfFile: Paths.root + "/datasets/btc-volume-by-currency-monthly.csv", encoding: .utf8)
    #expect(try String(contentsOfFile: out, encoding: .utf8) == committed, "run make datasets")
  }

  /// The bundled dataset is written by sharelens, so "current" alone would only say sharelens agrees
  /// with itself: its numbers must also be pandas' monthly sums of the shared daily export
  /// (reference-daily-by-currency-monthly.csv, scripts/fixtures/shares_reference.py). An empty cell
  /// is a currency outside its span, where pandas has 0.
  @Test func theBundledDatasetEqualsThePandasMonthlySums() throws {
    let reference = try pandasMonthlyVolumes()
    let text = try String(contentsOfFile: Paths.root + "/datasets/btc-volume-by-currency-monthly.csv", encoding: .utf8)
    let lines = text.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
    let header = lines[0].dropFirst().map(String.init)
    var seen: Set<String> = []
    for row in lines.dropFirst() {
      for (i, cell) in row.dropFirst().enumerated() {
        let key = "\(row[0]) \(header[i])"
        seen.insert(key)
        guard let expected = reference[key] else {
          Issue.record("\(key) is in the dataset but not in the reference")
          continue
        }
        if cell.isEmpty {
          #expect(expected == 0, "\(key): empty, pandas \(expected)")
        } else {
          #expect(relativeDifference(Double(cell)!, expected) <= 1e-12, "\(key): \(cell) vs pandas \(expected)")
        }
      }
    }
    #expect(seen == Set(reference.keys))
    #expect(seen.count == 61 * 6)
  }

  @Test func helpReadsLikeAManual() throws {
    let help = try runSharelens(["shares", "--help"])
    #expect(help.status == 0)
    #expect(help.stdout.contains("EXAMPLES"))
    #expect(help.stdout.contains("--weighting"))
    #expect(try runSharelens(["--version"]).status == 0)
  }
}

/// "YYYY-MM-DD CATEGORY" → monthly volume, from the pandas reference.
func pandasMonthlyVolumes() throws -> [String: Double] {
  let text = try String(
    contentsOfFile: Paths.root + "/Tests/ShareStatsTests/Fixtures/reference-daily-by-currency-monthly.csv",
    encoding: .utf8)
  var volumes: [String: Double] = [:]
  for line in text.split(separator: "\n").dropFirst() {
    let f = line.split(separator: ",", omittingEmptySubsequences: false)
    volumes["\(f[0]) \(f[1])"] = Double(f[2])!
  }
  return volumes
}
