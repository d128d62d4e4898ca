// Both renderers on fixed chart specs: terminal output pinned by golden files at widths 60, 80
// and 120 with and without colour (SHARELENS_UPDATE_GOLDENS=1 rewrites them), never wider than the
// width; SVG output deterministic, escaped, accessible.

import Foundation
import ShareData
import ShareReport
import TestSupport
import Testing

enum SampleCharts {
  static let day0 = CivilDate(year: 2016, month: 1, day: 1).dayNumber
  static let months: [ChartSpec.TimeBucket] = (0..<30).map { m in
    let start = CivilDate(year: 2016 + m / 12, month: m % 12 + 1, day: 1).dayNumber
    return .init(startDay: start, endDay: Every.month.nextStart(after: start))
  }

  /// Three categories; "b" is missing in months 10–12 (a gap, not a zero).
  static var stacked: ChartSpec {
    let a = (0..<30).map { m -> Double? in m < 10 ? 0.9 : 0.3 }
    let b = (0..<30).map { m -> Double? in (10...12).contains(m) ? nil : 0.06 }
    let c = (0..<30).map { m -> Double? in 1 - a[m]! - (b[m] ?? 0) }
    return ChartSpec(
      title: "Share of volume per month",
      caption: "A caption long enough to wrap at sixty columns, so wrapping is pinned too.",
      mark: .stackedArea, x: .time(months), scale: .percent, yLabel: "share",
      series: [
        .init(name: "CNY", values: a, colorIndex: 0), .init(name: "USD", values: b, colorIndex: 1),
        .init(name: "other <&>", values: c, colorIndex: 2),
      ],
      annotations: [
        .event(day: CivilDate(year: 2016, month: 11, day: 15).dayNumber, label: "fees \"introduced\" & more")
      ])
  }

  static var lines: ChartSpec {
    ChartSpec(
      title: "Concentration (HHI)", mark: .line, x: .time(months), scale: .absolute, yLabel: "HHI",
      series: [
        .init(name: "HHI", values: (0..<30).map { m in m == 5 ? nil : 9000 - Double(m) * 220 }, style: .measure)
      ],
      annotations: [
        .band(from: 0, to: 1000, label: "unconcentrated"), .band(from: 1000, to: 1800, label: "moderately"),
        .band(from: 1800, to: 10000, label: "highly"),
        .event(day: CivilDate(year: 2017, month: 9, day: 14).dayNumber, label: "closure"),
      ],
      yDomain: 0...10000)
  }

  static var bars: ChartSpec {
    ChartSpec(
      title: "Share of volume by period", mark: .bar, x: .labels(["CNY", "USD", "other"]), scale: .percent,
      yLabel: "share",
      series: [
        .init(name: "2016", values: [0.958, 0.009, nil], colorIndex: 0),
        .init(name: "2018H1", values: [0, 0.509, 0.19], colorIndex: 1),
      ],
      yDomain: 0...1)
  }

  static var slope: ChartSpec {
    ChartSpec(
      title: "2016 → 2018H1", mark: .slope, x: .labels(["2016", "2018H1"]), scale: .percent, yLabel: "share",
      series: [
        .init(name: "CNY", values: [0.958, 0], colorIndex: 0),
        .init(name: "USD", values: [0.009, 0.509], colorIndex: 1),
      ],
      yDomain: 0...1)
  }

  static let all: [(String, ChartSpec)] = [("stacked", stacked), ("lines", lines), ("bars", bars), ("slope", slope)]
}

@Suite struct TerminalGoldenTests {
  @Test(arguments: [60, 80, 120])
  func terminalOutputMatchesItsGoldenAndFitsTheWidth(width: Int) throws {
    let update = ProcessInfo.processInfo.environment["SHARELENS_UPDATE_GOLDENS"] == "1"
    for (name, spec) in SampleCharts.all {
      for color in [false, true] {
        let text = TerminalRenderer(width: width, height: 10, color: color).render(spec)
        for line in text.split(separator: "\n") {
          #expect(visibleWidth(String(line)) <= width, "\(name) \(width): \(line)")
        }
        let path = Paths.fixture("ShareReportTests", "terminal/\(name)-\(width)-\(color ? "color" : "plain").txt")
        if update {
          // Rewriting the goldens checks nothing against them: allowed at a desk, never in CI. The
          // width, colour and gap tests (here and below) still check their own facts.
          #expect(!runningInCI, "SHARELENS_UPDATE_GOLDENS=1 in CI: the goldens were rewritten, not checked")
          try text.write(toFile: path, atomically: true, encoding: .utf8)
        } else {
          let golden = try String(contentsOfFile: path, encoding: .utf8)
          #expect(text == golden, "\(path) differs; SHARELENS_UPDATE_GOLDENS=1 swift test rewrites it")
        }
        #expect(text.contains("\u{1B}[") == color)
      }
    }
  }

  @Test func asciiModeUsesOnlyASCII() {
    for (_, spec) in SampleCharts.all {
      let text = TerminalRenderer(width: 80, height: 8, color: false, ascii: true).render(spec)
      let body = text.split(separator: "\n").dropFirst()  // the title may hold any text
      #expect(
        body.allSatisfy {
          $0.unicodeScalars.allSatisfy { $0.isASCII || $0 == "→" || $0 == "—" || $0 == "…" || $0 == "−" || $0 == "–" }
        })
    }
  }

  @Test func aMissingValueIsAGapNotZero() {
    // USD (▓) is missing in months 10–12: no column of those months shows it; every other does.
    let height = 10
    let text = TerminalRenderer(width: 80, height: height, color: false).render(SampleCharts.stacked)
    let rows = text.split(separator: "\n").dropFirst().prefix(height).map { Array($0.dropFirst(5)) }
    let plotWidth = 80 - 5
    let start = SampleCharts.months.first!.startDay
    let span = Double(SampleCharts.months.last!.endDay - start)
    let gapStart = SampleCharts.months[10].startDay
    let gapEnd = SampleCharts.months[13].startDay
    for c in 0..<plotWidth {
      let day = start + Int64((Double(c) + 0.5) / Double(plotWidth) * span)
      let hasUSD = rows.contains { c < $0.count && $0[c] == "▓" }
      #expect(hasUSD == !(day >= gapStart && day < gapEnd), "column \(c), \(CivilDate(dayNumber: day))")
    }
  }
}

extension TerminalGoldenTests {
  @Test func aLineChartLeavesAGapWhereAValueIsMissing() {
    // HHI is missing in month 5 (2016-06): no column of that month shows the line; the months
    // away from the gap all do.
    let height = 10
    let text = TerminalRenderer(width: 80, height: height, color: false).render(SampleCharts.lines)
    let rows = text.split(separator: "\n").dropFirst().prefix(height).map { Array($0.dropFirst(5)) }
    let plotWidth = 80 - 5
    let start = SampleCharts.months.first!.startDay
    let span = Double(SampleCharts.months.last!.endDay - start)
    var gapColumns = 0
    for c in 0..<plotWidth {
      let day = start + Int64((Double(c) + 0.5) / Double(plotWidth) * span)
      let month = SampleCharts.months.firstIndex { $0.startDay <= day && day < $0.endDay }!
      let hasLine = rows.contains { c < $0.count && $0[c] == "●" }
      if month == 5 {
        #expect(!hasLine, "column \(c) in the missing month shows the line")
        gapColumns += 1
      } else if abs(month - 5) > 1 {
        #expect(hasLine, "column \(c), month \(month), has no line")
      }
    }
    #expect(gapColumns >= 2)
  }
}

@Suite struct SVGRenderingTests {
  @Test func outputIsDeterministicEscapedAndAccessible() {
    for (_, spec) in SampleCharts.all {
      let a = SVGRenderer().render(spec)
      #expect(a == SVGRenderer().render(spec))
      #expect(a.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox="))
      #expect(a.contains("<title>") && a.contains("<desc>"))
      #expect(a.contains("sans-serif"))
    }
    let stacked = SVGRenderer().render(SampleCharts.stacked)
    #expect(stacked.contains("other &lt;&amp;&gt;"))
    #expect(stacked.contains("fees &quot;introduced&quot; &amp; more"))
    #expect(!stacked.contains("other <&>"))
    for hex in ["#E69F00", "#56B4E9", "#009E73"] { #expect(stacked.contains(hex)) }
  }

  @Test func theGapInTheStackSplitsTheSeriesIntoTwoAreas() {
    let svg = SVGRenderer().render(SampleCharts.stacked)
    let usd = svg.components(separatedBy: "<title>USD</title>").count - 1
    #expect(usd == 2)
  }
}
