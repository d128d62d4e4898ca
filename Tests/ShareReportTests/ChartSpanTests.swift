// A span annotation (a shaded stretch of time, e.g. a break date's 95% interval) in both renderers:
// shaded columns under the data in the terminal, a translucent strip in SVG, and one note per label.

import ShareData
import ShareReport
import Testing

@Suite struct ChartSpanTests {
  /// SampleCharts.lines with 2016-11-01..2017-01-31 shaded, twice with one label.
  var spec: ChartSpec {
    var spec = SampleCharts.lines
    spec.annotations = [
      .span(
        fromDay: CivilDate(year: 2016, month: 11, day: 1).dayNumber,
        toDay: CivilDate(year: 2017, month: 1, day: 1).dayNumber, label: "95% interval"),
      .span(
        fromDay: CivilDate(year: 2017, month: 1, day: 1).dayNumber,
        toDay: CivilDate(year: 2017, month: 2, day: 1).dayNumber, label: "95% interval"),
    ]
    return spec
  }

  @Test func terminalShadesExactlyTheSpansColumnsAndNotesTheLabelOnce() {
    let height = 10
    let text = TerminalRenderer(width: 80, height: height, color: false).render(spec)
    let rows = text.split(separator: "\n").dropFirst().prefix(height).map { Array($0.dropFirst(5)) }
    let plotWidth = 80 - 5
    let start = SampleCharts.months.first!.startDay
    let span = Double(SampleCharts.months.last!.endDay - start)
    let from = CivilDate(year: 2016, month: 11, day: 1).dayNumber
    let to = CivilDate(year: 2017, month: 2, day: 1).dayNumber
    for c in 0..<plotWidth {
      let day = start + Int64((Double(c) + 0.5) / Double(plotWidth) * span)
      let shaded = rows.contains { c < $0.count && $0[c] == "░" }
      if day >= from + 3 && day < to - 3 { #expect(shaded, "column \(c) inside the span is not shaded") }
      if day < from - 3 || day >= to + 3 { #expect(!shaded, "column \(c) outside the span is shaded") }
    }
    #expect(text.components(separatedBy: "░ 95% interval").count == 2)
    let ascii = TerminalRenderer(width: 80, height: height, color: false, ascii: true).render(spec)
    #expect(!ascii.contains("░") && ascii.contains(". 95% interval"))
  }

  @Test func svgDrawsATranslucentStripPerSpanAndNotesTheLabelOnce() {
    let svg = SVGRenderer().render(spec)
    #expect(svg.components(separatedBy: "fill-opacity=\"0.22\"").count - 1 == 3)  // two strips, one key
    #expect(svg.components(separatedBy: ">95% interval<").count - 1 == 1)
    #expect(svg.contains("Shaded: 95% interval."))
  }
}
