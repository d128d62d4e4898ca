// The report builder on its own: a small table whose shares, changes and break are known by
// hand, analysed by ShareStats' ReportAnalysis, then worded by ReportBuilder (no binary).

import ShareData
import ShareReport
import ShareStats
import TestSupport
import Testing

@Suite struct ReportBuilderTests {
  /// Daily volumes for 2016-01-01..2016-03-31: a 3 and b 1 each day of January and February
  /// (a has 75%), then a 1 and b 3 each day of March (a has 25%).
  static func table() throws -> IngestResult {
    var text = "date,exchange,volume\n"
    for day in 0..<91 {
      let date = CivilDate(dayNumber: CivilDate(year: 2016, month: 1, day: 1).dayNumber + Int64(day))
      let march = date.month == 3
      text += "\(date),a,\(march ? 1 : 3)\n\(date),b,\(march ? 3 : 1)\n"
    }
    return try ingest(text)
  }

  static let periods = [
    Period(
      label: "JanFeb", first: Day(year: 2016, month: 1, day: 1),
      last: Day(year: 2016, month: 2, day: 29)),
    Period(
      label: "Mar", first: Day(year: 2016, month: 3, day: 1),
      last: Day(year: 2016, month: 3, day: 31)),
  ]

  static let event = MarketEvent(day: Day(year: 2016, month: 3, day: 3), label: "fee change")

  func report(compare: Bool, events: [MarketEvent] = []) throws -> ReportDocument {
    let ingest = try Self.table()
    let analysis = try ReportAnalysis.run(
      ReportAnalysisRequest(
        table: ingest.table, compare: compare ? CompareOptions(periods: Self.periods, resamples: 200) : nil,
        focus: "a", events: events))
    return ReportBuilder.build(analysis, context: ReportContext(ingest: ingest, events: events, asset: "BTC")).document
  }

  @Test func headlinesStateTheChangeTheGainerAndConcentration() throws {
    let document = try report(compare: true)
    #expect(document.headlines.count == 4, "\(document.headlines)")
    #expect(
      document.headlines[0].hasPrefix("a's share of BTC volume fell from 75.0% in JanFeb to 25.0% in Mar, −50.0 points")
    )
    #expect(
      document.headlines[1] == "b gained the most: from 25.0% to 75.0% (+50.0 points, 100.0% of the points gained).")
    // HHI = 75² + 25² = 6,250 in both periods.
    #expect(document.headlines[2].hasPrefix("Concentration (HHI) went from 6,250 to 6,250"))
    #expect(document.headlines[2].hasSuffix("highly concentrated in both."))
    #expect(
      document.headlines[3]
        == "The sharpest breaks in a's daily share: 2016-03-01 (−50.0 points, 95% interval 2016-02-29..2016-03-02).")
  }

  @Test func aBreakNearAnEventNamesIt() throws {
    let document = try report(compare: true, events: [Self.event])
    #expect(
      document.headlines.first { $0.hasPrefix("The sharpest") }
        == "The sharpest breaks in a's daily share: 2016-03-01 (−50.0 points, 95% interval 2016-02-29..2016-03-02; "
        + "2016-03-03: fee change).")
  }

  @Test func anEventInsideTheSpanGetsItsEffectInAHeadlineAndASection() throws {
    let document = try report(compare: false, events: [Self.event])
    #expect(
      document.headlines.last?.hasPrefix("Against its trend before 2016-03-03 (fee change), a's daily share was ")
        == true)
    #expect(document.headlines.last?.contains("points lower on average over the 29 days that followed") == true)
    let section = try #require(document.sections.first { $0.heading == "Event effects on a's share" })
    #expect(section.tables.first?.rows.map { $0.first } == ["2016-03-03"])
    #expect(document.sections.map(\.heading).suffix(2) == ["Event effects on a's share", "Methods"])
  }

  @Test func withoutPeriodsTheLargestCategoryLeads() throws {
    let document = try report(compare: false)
    // a: 60 × 3 + 31 × 1 = 211 of 364.
    #expect(document.headlines[0] == "a is the largest category with 58.0% of BTC volume over the whole range.")
    #expect(!document.sections.contains { $0.heading == "Period comparison" })
  }

  @Test func sectionsComeInTheirOrder() throws {
    let headings = try report(compare: true).sections.map(\.heading)
    #expect(headings == ["Data", "Shares", "Period comparison", "Concentration", "Breaks in a's share", "Methods"])
  }

  @Test func anUnknownFocusIsARequestError() throws {
    let ingest = try Self.table()
    let error = #expect(throws: ShareError.self) {
      try ReportAnalysis.run(ReportAnalysisRequest(table: ingest.table, focus: "zzz"))
    }
    #expect(error?.kind == .badRequest)
    #expect(error?.hint?.contains("\"a\", \"b\"") == true)
  }
}
