// Charts someone can publish: each category keeps one colour in every chart of a run and from run
// to run, whatever the order of the input files or the ranks; the chart options (titles, credit,
// events, size, chart type, --colors) reach the SVG; every SVG is valid XML a real renderer draws.

import Foundation
import TestSupport
import Testing

/// Category → fill, read from an SVG's legend swatches and from single-line charts' paths.
func categoryColours(_ svg: String) -> [String: String] {
  var out: [String: String] = [:]
  for match in svg.matches(of: /width="12" height="12" fill="(#[0-9A-F]{6})"\/>\n<text[^>]*>([^<]*)<\/text>/) {
    out[String(match.2)] = String(match.1)
  }
  for match in svg.matches(of: /stroke="(#[0-9A-F]{6})" stroke-width="1.8"[^>]*><title>([^<]*)<\/title><\/path>/) {
    out[String(match.2)] = String(match.1)
  }
  return out
}

/// The valid-XML and real-renderer checks of ReportTests, for one SVG; the PNG's stats.
func checkRenders(_ svg: String, in dir: TemporaryDirectory) throws -> (
  width: Int, height: Int, ink: Double, colours: Int
)? {
  guard let lint = try tool("xmllint", ["--noout", svg]) else { return nil }
  #expect(lint.status == 0, "\(svg): \(lint.output)")
  let png = svg + ".png"
  guard let render = try tool("rsvg-convert", ["-b", "white", svg, "-o", png]) else { return nil }
  #expect(render.status == 0, "\(svg): \(render.output)")
  return try pngStats(png)
}

@Suite(.serialized) struct ChartPublishingTests {
  @Test func tenExchangesInOneSVGHaveTenDistinctFillsAndRender() throws {
    let dir = TemporaryDirectory()
    defer { dir.cleanup() }
    let out = dir.path + "/ten.svg"
    let run = try runSharelens(["shares", Paths.dailyByExchange, "--every", "month", "--format", "svg", "--out", out])
    #expect(run.status == 0, "\(run.stderr)")
    let svg = try String(contentsOfFile: out, encoding: .utf8)
    let colours = categoryColours(svg)
    #expect(colours.count == 10, "\(colours)")
    #expect(Set(colours.values).count == 10, "\(colours)")
    #expect(colours["others"] == "#999999")
    let polygonFills = Set(svg.matches(of: /<polygon [^>]*fill="(#[0-9A-F]{6})"/).map { String($0.1) })
    #expect(polygonFills.count == 10)
    if let stats = try checkRenders(out, in: dir) {
      #expect(stats.ink > 0.2 && stats.colours >= 10, "\(stats)")
    }
  }

  @Test func aCategoryHasOneColourInEveryChartOfTheHTMLReport() throws {
    let dir = TemporaryDirectory()
    defer { dir.cleanup() }
    let page = dir.path + "/r.html"
    let run = try runSharelens(reportArguments("html", page))
    #expect(run.status == 0, "\(run.stderr)")
    let html = try String(contentsOfFile: page, encoding: .utf8)
    let charts = html.components(separatedBy: "<svg ").dropFirst().map(categoryColours)
    #expect(charts.count >= 4)
    var seen: [String: Set<String>] = [:]
    var appearances: [String: Int] = [:]
    for chart in charts {
      for (name, colour) in chart {
        seen[name, default: []].insert(colour)
        appearances[name, default: 0] += 1
      }
    }
    for (name, colours) in seen { #expect(colours.count == 1, "\(name) is drawn in \(colours.sorted())") }
    // CNY is in the stacked shares, the comparison bars, the slope chart and the breaks chart.
    #expect(appearances["CNY"] ?? 0 >= 4, "\(appearances)")
    // The same colours as the shares command on the same data.
    let sharesSVG = dir.path + "/shares.svg"
    #expect(
      try runSharelens([
        "shares", Paths.dailyByExchange, "--map", Paths.exchangeCurrency, "--format", "svg", "--out", sharesSVG,
      ]).status == 0)
    for (name, colour) in categoryColours(try String(contentsOfFile: sharesSVG, encoding: .utf8)) {
      #expect(seen[name] == [colour], "\(name): \(colour) in shares, \(seen[name] ?? []) in the report")
    }
  }

  @Test func coloursStayTheSameWithTheInputFilesInAnotherOrderAndOtherRanks() throws {
    let dir = TemporaryDirectory()
    defer { dir.cleanup() }
    let lines = try String(contentsOfFile: Paths.dailyByExchange, encoding: .utf8).split(separator: "\n")
    let half = lines.count / 2
    let a = dir.file("a.csv", ([lines[0]] + lines[1..<half]).joined(separator: "\n") + "\n")
    let b = dir.file("b.csv", ([lines[0]] + lines[half...]).joined(separator: "\n") + "\n")
    func colours(_ arguments: [String]) throws -> [String: String] {
      let out = dir.path + "/c.svg"
      let run = try runSharelens(["shares"] + arguments + ["--every", "month", "--format", "svg", "--out", out])
      #expect(run.status == 0, "\(run.stderr)")
      return categoryColours(try String(contentsOfFile: out, encoding: .utf8))
    }
    let ab = try colours([a, b])
    #expect(ab.count == 10)
    #expect(try colours([b, a]) == ab)
    // 2016 (okcoin and huobi lead) and 2020 (coinbase leads): other ranks, the same colours.
    #expect(try colours([Paths.dailyByExchange, "--from", "2016-03", "--to", "2016-12"]) == ab)
    #expect(try colours([Paths.dailyByExchange, "--from", "2020-01"]) == ab)
  }

  @Test func colorsOverridesOneCategoryFromAListOrAFile() throws {
    let dir = TemporaryDirectory()
    defer { dir.cleanup() }
    func colours(_ extra: [String]) throws -> [String: String] {
      let out = dir.path + "/c.svg"
      let run = try runSharelens(
        ["shares", Paths.dailyByExchange, "--every", "year", "--format", "svg", "--out", out] + extra)
      #expect(run.status == 0, "\(run.stderr)")
      return categoryColours(try String(contentsOfFile: out, encoding: .utf8))
    }
    let plain = try colours([])
    let listed = try colours(["--colors", "kraken=#5a2d82,others=#ccc"])
    let file = dir.file("colours.csv", "category,colour\nkraken,#5A2D82\nothers,#CCCCCC\n")
    #expect(try colours(["--colors", file]) == listed)
    #expect(listed["kraken"] == "#5A2D82" && listed["others"] == "#CCCCCC")
    for (name, colour) in plain where name != "kraken" && name != "others" { #expect(listed[name] == colour) }
    let bad = try runSharelens(["shares", Paths.dailyByExchange, "--colors", "kraken=purple"])
    #expect(bad.status == 64 && bad.stderr.contains("not a colour: \"purple\""), "\(bad.status) \(bad.stderr)")
  }

  @Test func publishingOptionsReachTheSVGAndTheTerminalChart() throws {
    let dir = TemporaryDirectory()
    defer { dir.cleanup() }
    let out = dir.path + "/pub.svg"
    let options = [
      "--title", "Who trades bitcoin", "--subtitle", "Share of volume by exchange", "--source", "Data: bitcoinity.org",
      "--events", Paths.chinaEvents,
    ]
    let run = try runSharelens(
      ["shares", Paths.dailyByExchange, "--every", "quarter", "--format", "svg", "--size", "1200x600", "--out", out]
        + options)
    #expect(run.status == 0, "\(run.stderr)")
    let svg = try String(contentsOfFile: out, encoding: .utf8)
    for text in [
      "<title>Who trades bitcoin</title>", ">Share of volume by exchange</text>", ">Data: bitcoinity.org</text>",
      "PBoC bans initial coin offerings", "viewBox=\"0 0 1200 ",
    ] {
      #expect(svg.contains(text), "no \(text)")
    }
    // Hover tooltips: a <title> with each value on the marks.
    #expect(svg.contains("<title>okcoin, 2016-04-01 to 2016-06-30: "), "no value tooltip")
    if let stats = try checkRenders(out, in: dir) { #expect(stats.width == 1200 && stats.ink > 0.2, "\(stats)") }
    let text = try runSharelens(
      ["shares", Paths.dailyByExchange, "--every", "year", "--chart", "--width", "90", "--color", "never"] + options)
    #expect(text.status == 0)
    for line in ["Who trades bitcoin", "Share of volume by exchange", "Data: bitcoinity.org", "2017-09-04 PBoC bans"] {
      #expect(text.stdout.contains(line), "no \(line) in the terminal chart")
    }
  }

  @Test func chartTypeRedrawsTheCommandsChartOrSaysWhyItCannot() throws {
    let dir = TemporaryDirectory()
    defer { dir.cleanup() }
    let base = [Paths.dailyByExchange, "--map", Paths.exchangeCurrency, "--format", "svg"]
    for (command, type, mark) in [
      ("shares", "lines", "<path d="), ("shares", "bars", "<rect x="), ("concentration", "bars", "2017, HHI: "),
      ("compare", "lines", "<circle "),
    ] {
      let out = dir.path + "/\(command)-\(type).svg"
      let extra = command == "compare" ? ["--period", "A=2016", "--period", "B=2018"] : ["--every", "year"]
      let run = try runSharelens([command] + base + extra + ["--chart-type", type, "--out", out])
      #expect(run.status == 0, "\(command) \(type): \(run.stderr)")
      let svg = try String(contentsOfFile: out, encoding: .utf8)
      #expect(svg.contains(mark), "\(command) --chart-type \(type) draws no \(mark)")
      #expect(!svg.contains("100% stacked"), "\(command) --chart-type \(type) keeps the stacked chart's caption")
      _ = try checkRenders(out, in: dir)
    }
    let refused = try runSharelens(["concentration"] + base + ["--every", "year", "--chart-type", "stacked"])
    #expect(refused.status == 64 && refused.stderr.contains("cannot draw stacked"), "\(refused.stderr)")
  }

  @Test func pngFormatDrawsTheChartWithItsTitleCreditAndEvents() throws {
    let dir = TemporaryDirectory()
    defer { dir.cleanup() }
    func png(_ name: String, _ extra: [String]) throws -> [UInt8] {
      let out = dir.path + "/\(name).png"
      let run = try runSharelens(
        ["shares", Paths.dailyByExchange, "--every", "quarter", "--format", "png", "--out", out] + extra)
      #expect(run.status == 0, "\(run.stderr)")
      return try Array(Data(contentsOf: URL(fileURLWithPath: out)))
    }
    let plain = try png("plain", [])
    let published = try png(
      "published",
      [
        "--title", "Who trades bitcoin", "--subtitle", "Share of volume by exchange", "--source",
        "Data: bitcoinity.org", "--events", Paths.chinaEvents,
      ])
    #expect(Array(published.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
    // Two runs write the same bytes.
    #expect(try png("again", []) == plain)
    guard let a = try pngStats(dir.path + "/plain.png"), let b = try pngStats(dir.path + "/published.png") else {
      return
    }
    #expect(a.width == 860 && a.height == 448 && a.ink > 0.3 && a.colours > 10, "\(a)")
    // The subtitle (20 px), seven events (16 px each) and the credit line (18 px) make it taller.
    #expect(b.width == 860 && b.height == 448 + 20 + 7 * 16 + 18, "\(b)")
    #expect(b.ink > 0.3 && b.colours > 10, "\(b)")
    let sized = try png("sized", ["--size", "1200x600"])
    #expect(!sized.isEmpty)
    if let c = try pngStats(dir.path + "/sized.png") { #expect(c.width == 1200 && c.height == 608, "\(c)") }
  }

  @Test func theReportTakesColoursAndACreditLineForEveryChart() throws {
    let dir = TemporaryDirectory()
    defer { dir.cleanup() }
    let page = dir.path + "/r.html"
    let run = try runSharelens(
      reportArguments("html", page) + ["--colors", "USD=#5A2D82", "--source", "Data: bitcoinity.org"])
    #expect(run.status == 0, "\(run.stderr)")
    let html = try String(contentsOfFile: page, encoding: .utf8)
    let charts = html.components(separatedBy: "<svg ").dropFirst()
    #expect(charts.count >= 4)
    for chart in charts {
      #expect(chart.contains(">Data: bitcoinity.org</text>"), "a chart without the credit line")
      if let usd = categoryColours(chart)["USD"] { #expect(usd == "#5A2D82") }
    }
  }
}
