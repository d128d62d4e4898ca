// The report as a reader gets it: committed example files kept current, every SVG valid XML that
// a real renderer draws, the HTML page rendered by headless Chromium, text that fits its width.

import Foundation
import TestSupport
import Testing

/// Runs a tool; nil when it is not installed (make test installs them: scripts/setup.sh).
func tool(_ name: String, _ arguments: [String], timeLimit: Double = 120) throws -> (status: Int32, output: String)? {
  let path = ["/usr/bin/", "/usr/local/bin/", "/bin/"].map { $0 + name }.first {
    FileManager.default.isExecutableFile(atPath: $0)
  }
  guard let path else {
    Issue.record("\(name) is not installed: run make test (it installs libxml2-utils, librsvg2-bin and chromium)")
    return nil
  }
  let result = try runProcess(path, arguments, timeLimit: timeLimit)
  return (result.status, result.stdout + result.stderr)
}

/// width, height, non-white fraction and distinct colours of a PNG (scripts/png-stats.py).
func pngStats(_ path: String) throws -> (width: Int, height: Int, ink: Double, colours: Int)? {
  guard let result = try tool("python3", [Paths.root + "/scripts/png-stats.py", path]), result.status == 0 else {
    return nil
  }
  let parts = result.output.split(separator: " ").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
  return (Int(parts[0])!, Int(parts[1])!, Double(parts[2])!, Int(parts[3])!)
}

func reportArguments(_ format: String, _ out: String) -> [String] {
  [
    "report", Paths.dailyByExchange, "--map", Paths.exchangeCurrency, "--events", Paths.chinaEvents,
    "--period", "2016=2016-01-01..2016-12-31", "--period", "2018H1=2018-01-01..2018-06-30", "--asset", "BTC",
    "--format", format, "--out", out,
  ]
}

@Suite(.serialized) struct ReportTests {
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
        flat.contains("CNY's share of BTC volume fell from 95.8% in 2016 to 0.0% in 2018H1, −95.8 points, p < 1e-10"))
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
      if let lint = try tool("xmllint", ["--noout", out]) { #expect(lint.status == 0, "\(lint.output)") }
    }
  }
}
