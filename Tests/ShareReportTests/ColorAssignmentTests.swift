// Colours follow category names: one assignment per run, the same whatever the order the names
// arrive in, catch-alls grey, --colors replacing a colour without moving the others'.

import ShareData
import ShareReport
import TestSupport
import Testing

@Suite struct ColorAssignmentTests {
  static let exchanges = [
    "okcoin", "huobi", "btcchina", "others", "bitfinex", "coinbase", "kraken", "bitflyer", "bitstamp", "bithumb",
  ]

  @Test func thePaletteHasTwelveDistinctColoursAndTerminalColours() {
    #expect(Palette.hex.count >= 12)
    #expect(Set(Palette.hex.map { $0.uppercased() }).count == Palette.hex.count)
    #expect(Set(Palette.ansi256).count == Palette.ansi256.count)
    #expect(!Palette.hex.contains(Palette.neutralHex))
    #expect(!Palette.ansi256.contains(Palette.neutralANSI))
  }

  @Test func tenCategoriesGetTenDistinctColoursAndTheCatchAllIsGrey() {
    let colors = ColorAssignment(categories: Self.exchanges)
    let hexes = Self.exchanges.map { colors.style(for: $0).hex }
    #expect(Set(hexes).count == 10)
    #expect(colors.style(for: "others").hex == Palette.neutralHex)
    #expect(Set(Self.exchanges.map { colors.style(for: $0).symbol }).count == 10)
    #expect(Self.exchanges.allSatisfy { colors.style(for: $0).shade == 0 })
  }

  @Test func theAssignmentDoesNotDependOnTheOrderOfTheNames() {
    let a = ColorAssignment(categories: Self.exchanges)
    let b = ColorAssignment(categories: Self.exchanges.reversed() + ["kraken"])
    var shuffled = Self.exchanges
    var rng = SeededGenerator(seed: 7)
    shuffled.shuffle(using: &rng)
    #expect(a == b)
    #expect(a == ColorAssignment(categories: shuffled))
    // Canonical order: case-insensitive, catch-alls last.
    #expect(a.order.first == "bitfinex" && a.order.last == "others")
  }

  @Test func moreCategoriesThanColoursRepeatColoursWithAnotherShade() {
    let names = (1...14).map { "c\($0 < 10 ? "0" : "")\($0)" }
    let colors = ColorAssignment(categories: names)
    #expect(colors.style(for: "c13").hex == colors.style(for: "c01").hex)
    #expect(colors.style(for: "c13").shade == 1 && colors.style(for: "c01").shade == 0)
    #expect(Set(names.map { colors.style(for: $0).symbol }).count == 14)
  }

  @Test func anOverrideChangesOneColourAndMovesNoOther() {
    let plain = ColorAssignment(categories: Self.exchanges)
    let custom = ColorAssignment(categories: Self.exchanges, overrides: ["kraken": "#5A2D82", "others": "#CCCCCC"])
    #expect(custom.style(for: "kraken").hex == "#5A2D82")
    #expect(custom.style(for: "kraken").ansi == Palette.nearestANSI("#5A2D82"))
    #expect(custom.style(for: "others").hex == "#CCCCCC")
    for name in Self.exchanges where name != "kraken" && name != "others" {
      #expect(custom.style(for: name) == plain.style(for: name))
    }
  }

  @Test func colourListsAndFilesAreReadAndBadColoursRefused() throws {
    #expect(
      try ColorOverrides.parse(list: "USD=#0072b2, EUR = #e69f00,JPY=#abc") == [
        "USD": "#0072B2", "EUR": "#E69F00", "JPY": "#AABBCC",
      ])
    #expect(throws: ShareError.self) { try ColorOverrides.parse(list: "USD=blue") }
    #expect(throws: ShareError.self) { try ColorOverrides.parse(list: "USD") }
    #expect(ColorOverrides.normalized("#12345") == nil)
    #expect(Palette.nearestANSI("#FF0000") == 196)
    #expect(Palette.nearestANSI("#808080") == 244)
  }

  @Test func aRecolouredChartKeepsItsOtherSeriesAndShadesARepeatedColour() {
    var spec = SampleCharts.stacked
    let before = spec.series.map(\.style)
    spec.recolor(["USD": before[0].hex])
    #expect(spec.series[1].style.hex == before[0].hex && spec.series[1].style.shade == 1)
    #expect(spec.series[0].style == before[0] && spec.series[2].style == before[2])
  }

  @Test func tenCategoriesInOneSVGHaveTenDistinctFills() {
    let colors = ColorAssignment(categories: Self.exchanges)
    let spec = ChartSpec(
      title: "Ten", mark: .stackedArea, x: .time(Array(SampleCharts.months.prefix(3))), scale: .percent,
      yLabel: "share",
      series: Self.exchanges.map { .init(name: $0, values: [0.1, 0.1, 0.1], style: colors.style(for: $0)) })
    let svg = SVGRenderer().render(spec)
    let fills = Set(
      svg.split(separator: "<polygon").dropFirst().compactMap { $0.firstMatch(of: /fill="(#[0-9A-F]{6})"/)?.1 }.map(
        String.init))
    #expect(fills.count == 10)
  }
}
