// Decimal commas (DecimalMark.swift, DecimalParser's comma spelling): 1.234,56 and 1234,56 read as
// the same Double as 1234.56; a dot that is not between groups of three digits is no number; the
// mark is settled from the sampled values, and a file whose values cannot tell it is an error.

import ShareData
import TestSupport
import Testing

@Suite struct DecimalCommaTests {
  func comma(_ text: String) -> Double? { try? DecimalParser.parse(text, mark: .comma).get() }

  @Test(arguments: [
    ("1234,56", "1234.56"), ("1.234,56", "1234.56"), ("12.345.678,9", "12345678.9"), ("-0,5", "-0.5"),
    (",25", ".25"), ("1.234", "1234"), ("42", "42"), ("  7,125  ", "7.125"), ("1,5e3", "1.5e3"),
    ("2698317185,34", "2698317185.34"), ("+1.000.000", "1000000"),
  ])
  func commaSpellingsReadAsTheirPointTwins(_ pair: (String, String)) throws {
    let expected = try #require(Double(pair.1))
    #expect(comma(pair.0)?.bitPattern == expected.bitPattern, "\(pair.0)")
  }

  @Test(arguments: ["1.23", "1.2345", "1,2,3", "1.234,5,6", ".123,4", "1234.,5", "1,5.3", "abc", "", "1,5e3,2"])
  func misplacedDotsAndSecondCommasAreNoNumber(_ text: String) {
    #expect(comma(text) == nil, "\(text)")
  }

  @Test func aPointIsStillReadWithThePointMark() throws {
    #expect(try DecimalParser.parse("1234.5", mark: .point).get() == 1234.5)
    #expect((try? DecimalParser.parse("1234,5", mark: .point).get()) == nil)
  }

  @Test func randomGroupedNumbersRoundTripExactly() throws {
    var rng = SeededGenerator(seed: 20_261_130)
    for _ in 0..<5_000 {
      let whole = UInt64.random(in: 0...999_999_999_999, using: &rng)
      let fraction = String(Int.random(in: 0...99_999, using: &rng))
      let grouped = String(whole).reversed().enumerated().reduce(into: "") { out, item in
        if item.offset > 0 && item.offset % 3 == 0 { out.append(".") }
        out.append(item.element)
      }
      let text = String(grouped.reversed()) + "," + fraction
      let expected = try #require(Double("\(whole).\(fraction)"))
      #expect(comma(text)?.bitPattern == expected.bitPattern, "\(text)")
    }
  }

  func read(_ text: String, decimal: DecimalMark? = nil) throws -> IngestResult {
    var options = IngestOptions()
    options.decimalMark = decimal
    return try ingest(text, name: "eu.csv", options: options)
  }

  @Test func aSemicolonFileWithDecimalCommasIsReadAndSaysSo() throws {
    let result = try read("Datum;a;b\n2016-01-01;1.234,5;0,5\n2016-01-02;1234,5;2\n")
    #expect(result.sources[0].decimalMark == .comma)
    #expect(result.table.categories == ["a", "b"])
  }

  @Test func onlyAmbiguousValuesAreAnErrorAtTheValueUnlessTheMarkIsGiven() throws {
    let text = "Time;a;b\n2016-01-01;1;2\n2016-01-02;1.234;10\n"
    #expect {
      try read(text)
    } throws: { error in
      "\(error)".contains("eu.csv:3:2") && "\(error)".contains("cannot tell the decimal mark")
    }
    #expect(try read(text, decimal: .comma).sources[0].decimalMark == .comma)
    #expect(try read(text, decimal: .point).sources[0].decimalMark == .point)
  }

  @Test func anAmbiguousValueWithAHugeExponentIsReportedNotTrapped() throws {
    #expect {
      try read("Time;a;b\n2016-01-01;1.234e300;1\n")
    } throws: { error in
      "\(error)".contains("\"1.234e300\" is 1.234e+300 with a decimal point or 1.234e+303 with thousands dots")
    }
  }

  @Test func aLoneCommaBeforeThreeDigitsIsAmbiguousAloneAndDecimalBesideEvidence() throws {
    // 1,234: 1.234 in Europe, 1234 in the US; it was read as 1.234.
    #expect {
      try read("Time;a;b\n2016-01-01;1,234;1\n")
    } throws: { error in
      "\(error)".contains("\"1,234\" is 1.234 with a decimal comma or 1234 with a thousands comma")
    }
    #expect(try read("Time;a;b\n2016-01-01;1,234;1\n2016-01-02;2,5;1\n").sources[0].decimalMark == .comma)
  }

  @Test func aCommaSeparatedFileKeepsThePoint() throws {
    #expect(try read("Time,a,b\n2016-01-01,1.234,2\n").sources[0].decimalMark == .point)
  }
}
