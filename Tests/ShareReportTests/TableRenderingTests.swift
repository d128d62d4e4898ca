import ShareReport
import Testing

@Suite struct TableRenderingTests {
  let model = TableModel(
    columns: [TableColumn("year", .left), TableColumn("CNY"), TableColumn("total")],
    rows: [["2016", "95.75%", "1,044,253,412"], ["2018*", "0.00%", "26,478,086"]],
    footer: [["all", "88.88%", "1,487,106,723"]])

  @Test func textTablesAlignColumnsAndDrawRules() {
    let text = TextTableRenderer().render(model)
    let expected = """
      year  │    CNY │         total
      ──────┼────────┼──────────────
      2016  │ 95.75% │ 1,044,253,412
      2018* │  0.00% │    26,478,086
      ──────┼────────┼──────────────
      all   │ 88.88% │ 1,487,106,723

      """
    #expect(text == expected)
  }

  @Test func asciiStyleUsesNoBoxDrawing() {
    let text = TextTableRenderer(style: .ascii).render(model)
    #expect(text.unicodeScalars.allSatisfy { $0.isASCII })
    #expect(text.contains("-+-"))
  }

  @Test func decimalColumnsLineUpTheirPoints() {
    let table = TableModel(columns: [TableColumn("v")], rows: [["1.5"], ["12.25"], ["3"], ["—"]])
    let lines = TextTableRenderer().render(table).split(separator: "\n").dropFirst(2).map(String.init)
    #expect(lines == [" 1.5", "12.25", " 3", " —"])
  }

  @Test func markdownEscapesPipesAndRightAlignsNumbers() {
    let table = TableModel(columns: [TableColumn("name", .left), TableColumn("share")], rows: [["a|b", "1.00%"]])
    let text = MarkdownTableRenderer().render(table)
    #expect(text == "| name | share |\n| --- | ---: |\n| a\\|b | 1.00% |\n")
  }

  @Test func displayWidthCountsWideAndCombiningCharacters() {
    #expect(displayWidth("abc") == 3)
    #expect(displayWidth("日本") == 4)
    #expect(displayWidth("e\u{301}") == 1)
  }
}

@Suite struct MachineFormatTests {
  @Test func csvQuotesOnlyWhatNeedsIt() {
    var writer = CSVWriter(header: ["a", "b"])
    writer.row(["plain", "has,comma"])
    writer.row(["say \"hi\"", "line\nbreak"])
    #expect(writer.text == "a,b\nplain,\"has,comma\"\n\"say \"\"hi\"\"\",\"line\nbreak\"\n")
  }

  @Test func numbersAreShortestRoundTripAndNeverNaN() {
    #expect(machineNumber(0.9574905816577839) == "0.9574905816577839")
    #expect(machineNumber(42) == "42")
    #expect(machineNumber(0) == "0")
    #expect(machineNumber(nil) == "")
    #expect(machineNumber(.nan) == "")
    #expect(machineNumber(.infinity) == "")
    #expect(Double(machineNumber(0.1 + 0.2)) == 0.1 + 0.2)
  }

  @Test func jsonEscapesTextAndWritesNullForUndefined() {
    let value = JSONValue.object([
      ("name", .string("a\"b\\c\n\u{1}")), ("share", .optional(nil)), ("nan", .number(.nan)),
      ("list", .array([.number(1), .bool(true)])),
    ])
    #expect(
      value.render() == """
        {
          "name": "a\\"b\\\\c\\n\\u0001",
          "share": null,
          "nan": null,
          "list": [1, true]
        }
        """)
  }

  @Test func percentAndVolumeFormatsForPeople() {
    #expect(NumberFormat.percent(0.9574905816577839) == "95.75%")
    #expect(NumberFormat.percent(nil) == "—")
    // A smoothed share of −1e-17 is no share below zero; a real negative keeps its minus sign.
    #expect(NumberFormat.percent(-1e-17) == "0.00%" && NumberFormat.percent(-0.0123) == "−1.23%")
    #expect(NumberFormat.volume(1_044_253_412.3) == "1,044,253,412")
    #expect(NumberFormat.volume(12.345) == "12.35")
    #expect(NumberFormat.volume(nil) == "—")
  }

  /// Every p prints through one formatter and never as 0: digits down to 1e-300, the floor below
  /// (R's 1.6e-310 for trend on the daily file underflows to a subnormal, the JSON's log10_p keeps
  /// it), and a bootstrap bound as a plain upper bound rounded up so it stays one.
  @Test func pValuesNeverPrintZero() {
    #expect(NumberFormat.pValue(0.0123) == "0.012" && NumberFormat.pValue(1) == "1.000")
    #expect(NumberFormat.pValue(3.214e-45) == "3.21e-45" && NumberFormat.pValue(2e-300) == "2.00e-300")
    #expect(NumberFormat.pValue(1.6e-310) == "< 1e-300" && NumberFormat.pValue(0) == "< 1e-300")
    #expect(NumberFormat.pValue(nil) == "—" && NumberFormat.pValue(.nan) == "—")
    #expect(NumberFormat.pValue(1.0 / 2000, isBound: true) == "< 0.0005")
    #expect(NumberFormat.pValue(6.0 / 2000, isBound: true) == "< 0.003")
    #expect(NumberFormat.pValue(1.0 / 1999, isBound: true) == "< 0.00051")
    #expect(NumberFormat.pValue(1.0 / 1000, isBound: true) == "< 0.001")
    #expect(NumberFormat.pClause(0.0123) == "p = 0.012" && NumberFormat.pClause(0) == "p < 1e-300")
    #expect(NumberFormat.pClause(1.0 / 2000, isBound: true) == "p < 0.0005")
  }
}
