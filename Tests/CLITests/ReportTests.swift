// The report as a reader gets it: committed example files kept current, every SVG valid XML that
// a real renderer draws, the HTML page rendered by headless Chromium, text that fits its width.

import Foundation
import TestSupport
import Testing

/// Runs a tool; nil when it is not installed (make test installs them: scripts/setup.sh), which
/// fails the test in CI and is a counted known issue elsewhere (requireComponent).
func tool(
  _ name: String, _ arguments: [String], timeLimit: Double = 120,
  sourceLocation: Testing.SourceLocation = #_sourceLocation
) throws -> (status: Int32, output: String)? {
  let path = ["/usr/bin/", "/usr/local/bin/", "/bin/"].map { $0 + name }.first {
    FileManager.default.isExecutableFile(atPath: $0)
  }
  guard
    requireComponent(
      "\(name) (make test installs libxml2-utils, librsvg2-bin and chromium)", available: path != nil,
      sourceLocation: sourceLocation), let path
  else { return nil }
  let result = try runProcess(path, arguments, timeLimit: timeLimit)
  return (result.status, result.stdout + result.stderr)
}

/// width, height, non-white fraction and distinct colours of a PNG (scripts/png-stats.py reads
/// every kind of PNG). nil only when python3 is missing; a PNG it cannot read fails the test.
func pngStats(_ path: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> (
  width: Int, height: Int, ink: Double, colours: Int
)? {
  guard let result = try tool("python3", [Paths.root + "/scripts/png-stats.py", path], sourceLocation: sourceLocation)
  else { return nil }
  let parts = result.output.split(separator: " ").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
  guard result.status == 0, parts.count == 4, let width = Int(parts[0]), let height = Int(parts[1]),
    let ink = Double(parts[2]), let colours = Int(parts[3])
  else {
    Issue.record("png-stats.py cannot read \(path): \(result.output)", sourceLocation: sourceLocation)
    return nil
  }
  return (width, height, ink, colours)
}

func reportArguments(_ format: String, _ out: String) -> [String] {
  [
    "report", Paths.dailyByExchange, "--map", Paths.exchangeCurrency, "--events", Paths.chinaEvents,
    "--period", "2016=2016-01-01..2016-12-31", "--period", "2018H1=2018-01-01..2018-06-30", "--asset", "BTC",
    "--format", format, "--out", out,
  ]
}

@Suite(.serialized) struct ReportTests {
  /// The blank-page checks read PNGs with scripts/png-stats.py: it decodes every PNG form (grey,
  /// RGB, palette, alpha; 1 to 16 bits; interlaced or not) to the pixels it was made from.
  @Test func thePNGReaderReadsEveryKindOfPNG() throws {
    let dir = TemporaryDirectory()
    defer { dir.cleanup() }
    guard let run = try tool("python3", [Paths.root + "/scripts/png-stats.py", "--self-test", dir.path]) else { return }
    #expect(run.status == 0 && run.output.contains("22 of 22"), "\(run.output)")
  }

  @Test func theCommittedExampleReportIsCurrentByteForByte() throws {
    let dir = TemporaryDirectory()
    defer { dir.cleanup() }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: Paths.root + "/scripts/make-reports.sh")
    process.arguments = [Paths.binary, dir.path]
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
    let committed = try FileManager.default.contentsOfDirectory(atPath: Paths.root + "/reports").filter {
      $0 != "README.md"
    }.sorted()
    let fresh = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
    #expect(committed == fresh)
    for name in fresh {
      let a = try Data(contentsOf: URL(fileURLWithPath: Paths.root + "/reports/" + name))
      let b = try Data(contentsOf: URL(fileURLWithPath: dir.path + "/" + name))
      #expect(a == b, "reports/\(name) differs from a fresh run: make reports")
    }
  }

  /// reports/ is compared with a fresh run of the same binary above, which catches change, not
  /// error. Here its figures are worked out from pandas' monthly volumes (the reference fixture,
  /// not sharelens): the periods' shares and HHI in the headlines, and the yearly share table.
  @Test func theCommittedReportStatesFiguresWorkedOutFromThePandasReference() throws {
    let volumes = try pandasMonthlyVolumes()
    let categories = ["CNY", "USD", "other", "EUR", "JPY", "KRW"]
    func shares(_ months: (String) -> Bool) -> [String: Double] {
      var sums: [String: Double] = [:]
      for (key, v) in volumes where months(String(key.prefix(10))) { sums[String(key.dropFirst(11)), default: 0] += v }
      let total = sums.values.reduce(0, +)
      return sums.mapValues { $0 / total }
    }
    func percent1(_ x: Double) -> String { String(format: "%.1f%%", x * 100) }
    func grouped(_ x: Double) -> String {
      let digits = String(Int(abs(x).rounded()))
      var out = ""
      for (i, ch) in digits.reversed().enumerated() {
        if i > 0 && i % 3 == 0 { out.append(",") }
        out.append(ch)
      }
      return (x < 0 ? "−" : "") + String(out.reversed())
    }
    let p2016 = shares { $0.hasPrefix("2016") }
    let p2018 = shares { $0 >= "2018-01" && $0 < "2018-07" }
    let hhi2016 = handHHI(Array(p2016.values))
    let hhi2018 = handHHI(Array(p2018.values))
    let text = try String(contentsOfFile: Paths.root + "/reports/china.txt", encoding: .utf8)
    let flat = text.replacingOccurrences(of: "\n  ", with: " ")
    let markdown = try String(contentsOfFile: Paths.root + "/reports/china.md", encoding: .utf8)
    for sentence in [
      "CNY's share of BTC volume fell from \(percent1(p2016["CNY"]!)) in 2016 to \(percent1(p2018["CNY"]!)) in 2018H1",
      "USD gained the most: from \(percent1(p2016["USD"]!)) to \(percent1(p2018["USD"]!))",
      "Concentration (HHI) went from \(grouped(hhi2016)) to \(grouped(hhi2018)) (\(grouped(hhi2018 - hhi2016)))",
    ] {
      #expect(flat.contains(sentence), "reports/china.txt does not say: \(sentence)")
      #expect(markdown.contains(sentence), "reports/china.md does not say: \(sentence)")
    }
    // The yearly share table: each cell is the year's share to two decimals.
    var cells = 0
    let years = ["2016", "2017", "2018", "2019", "2020", "2021"]
    for category in categories {
      let row = try #require(
        text.split(separator: "\n").first { $0.hasPrefix(category + " ") && $0.contains("│") }, "no row for \(category)"
      )
      let fields = row.split(separator: "│").map { $0.trimmingCharacters(in: .whitespaces) }
      for (i, year) in years.enumerated() {
        let share = shares { $0.hasPrefix(year) }[category] ?? 0
        #expect(fields[i + 1] == String(format: "%.2f%%", share * 100), "\(category) \(year): \(fields[i + 1])")
        cells += 1
      }
    }
    #expect(cells == 36)
  }

  @Test func everySVGIsValidXMLAndRenders() throws {
    let dir = TemporaryDirectory()
    defer { dir.cleanup() }
    var svgs = try FileManager.default.contentsOfDirectory(atPath: Paths.root + "/reports").filter {
      $0.hasSuffix(".svg")
    }
    .map { Paths.root + "/reports/" + $0 }
    // The inline SVGs of the HTML report, one file each.
    let html = try String(contentsOfFile: Paths.root + "/reports/china.html", encoding: .utf8)
    var rest = Substring(html)
    var inline = 0
    while let start = rest.range(of: "<svg "),
      let end = rest.range(of: "</svg>", range: start.upperBound..<rest.endIndex)
    {
      inline += 1
      svgs.append(dir.file("inline-\(inline).svg", String(rest[start.lowerBound..<end.upperBound])))
      rest = rest[end.upperBound...]
    }
    #expect(inline >= 3)
    #expect(svgs.count >= 8)
    for svg in svgs {
      guard let lint = try tool("xmllint", ["--noout", svg]) else { return }
      #expect(lint.status == 0, "\(svg): \(lint.output)")
      let png = dir.path + "/" + (svg.split(separator: "/").last.map(String.init) ?? "chart") + ".png"
      guard let render = try tool("rsvg-convert", ["-w", "800", "-b", "white", svg, "-o", png]) else { return }
      #expect(render.status == 0, "\(svg): \(render.output)")
      if let stats = try pngStats(png) {
        #expect(stats.ink > 0.02 && stats.colours > 8, "\(svg) renders blank: \(stats)")
      }
    }
  }

  @Test func theHTMLReportRendersInChromiumWithItsCharts() throws {
    let dir = TemporaryDirectory()
    defer { dir.cleanup() }
    let page = dir.path + "/r.html"
    let run = try runSharelens(reportArguments("html", page))
    #expect(run.status == 0, "\(run.stderr)")
    let html = try String(contentsOfFile: page, encoding: .utf8)
    #expect(html.components(separatedBy: "<svg ").count - 1 >= 3)
    #expect(!html.contains("<script"))
    #expect(!html.contains("https://") && !html.contains("@import") && !html.contains("url("))
    // Two runs are byte-identical.
    let again = dir.path + "/r2.html"
    #expect(try runSharelens(reportArguments("html", again)).status == 0)
    #expect(try Data(contentsOf: URL(fileURLWithPath: page)) == Data(contentsOf: URL(fileURLWithPath: again)))
    let shot = dir.path + "/shot.png"
    // A profile of its own and no background services: nothing left from an earlier run, and
    // nothing that waits for a desktop session. coreutils' timeout runs Chromium in a process
    // group of its own and kills all of it if a run hangs; one retry covers a slow first start.
    var result: (status: Int32, output: String)? = nil
    for attempt in 1...2 where !FileManager.default.fileExists(atPath: shot) {
      result = try tool(
        "timeout",
        [
          "-k", "10", "90", "chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
          "--no-first-run",
          "--no-default-browser-check", "--disable-extensions", "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync", "--user-data-dir=\(dir.path)/profile-\(attempt)", "--hide-scrollbars",
          "--window-size=1280,2000",
          "--screenshot=\(shot)", "file://\(page)",
        ], timeLimit: 120)
      if result == nil { return }
    }
    guard let result else { return }
    #expect(FileManager.default.fileExists(atPath: shot), "\(result.output)")
    if let stats = try pngStats(shot) {
      #expect(stats.width == 1280 && stats.height == 2000)
      #expect(stats.ink > 0.05 && stats.colours > 20, "the screenshot looks blank: \(stats)")
    }
  }

  @Test func theTextReportFitsItsWidthAndStatesTheHeadline() throws {
    for width in [60, 80, 100] {
      let dir = TemporaryDirectory()
      defer { dir.cleanup() }
      let out = dir.path + "/r.txt"
      var arguments = reportArguments("text", out)
      arguments += ["--width", String(width)]
      let run = try runSharelens(arguments)
      #expect(run.status == 0, "\(run.stderr)")
      let text = try String(contentsOfFile: out, encoding: .utf8)
      for line in text.split(separator: "\n") {
        #expect(line.count <= width, "\(width): \(line.count) columns: \(line)")
      }
      // Headlines wrap at the width: read them as one line.
      let flat = text.replacingOccurrences(of: "\n  ", with: " ")
      #expect(
        flat.contains(
          "CNY's share of BTC volume fell from 95.8% in 2016 to 0.0% in 2018H1, −95.8 points (95% interval −97.0 to "
            + "−93.2, p < 0.0005 by a moving-block bootstrap"))
      #expect(!text.contains("\u{1B}["), "no colour in a file")
    }
  }

  @Test func markdownLinksTheSVGChartsItWritesBesideIt() throws {
    let dir = TemporaryDirectory()
    defer { dir.cleanup() }
    let out = dir.path + "/analysis.md"
    #expect(try runSharelens(reportArguments("markdown", out)).status == 0)
    let text = try String(contentsOfFile: out, encoding: .utf8)
    for name in ["analysis-shares.svg", "analysis-comparison.svg", "analysis-concentration.svg", "analysis-breaks.svg"]
    {
      #expect(text.contains("](\(name))"))
      #expect(FileManager.default.fileExists(atPath: dir.path + "/" + name))
    }
  }

  @Test func svgFormatWritesOneChart() throws {
    let dir = TemporaryDirectory()
    defer { dir.cleanup() }
    let base = [Paths.dailyByExchange, "--map", Paths.exchangeCurrency, "--format", "svg"]
    for (command, extra) in [
      ("shares", ["--every", "month"]), ("concentration", ["--every", "month"]),
      ("compare", ["--period", "A=2016", "--period", "B=2018-01..2018-06"]),
      ("breaks", ["--category", "CNY", "--to", "2018-12-31"]),
    ] {
      let out = dir.path + "/\(command).svg"
      let run = try runSharelens([command] + base + extra + ["--out", out])
      #expect(run.status == 0, "\(command): \(run.stderr)")
      let svg = try String(contentsOfFile: out, encoding: .utf8)
      #expect(svg.hasPrefix("<svg ") && svg.contains("<title>") && svg.contains("viewBox"))
      // Deterministic across processes (not only within one): a second run writes the same bytes.
      let again = dir.path + "/\(command)-again.svg"
      #expect(try runSharelens([command] + base + extra + ["--out", again]).status == 0)
      #expect(try String(contentsOfFile: again, encoding: .utf8) == svg, "\(command): two runs differ")
      if let lint = try tool("xmllint", ["--noout", out]) { #expect(lint.status == 0, "\(lint.output)") }
    }
  }
}

/// HHI of fractions, Σ (100 s)².
func handHHI(_ shares: [Double]) -> Double { shares.reduce(0) { $0 + ($1 * 100) * ($1 * 100) } }
