import ShareData
import TestSupport
import Testing

@Suite struct DecimalParserTests {
  func parse(_ text: String) -> Result<Double, NumberParseFailure> { DecimalParser.parse(text) }

  @Test(arguments: [
    "0", "1", "-1", "+2.5", "1234.5", "0.1", ".5", "5.", "1e6", "1E-7", "2.5e+3", "0.000123", "007",
    "624041.8307", "2698317185.34", "1580315.26829999", "1456.8604966354296", "12345678901234567890",
    "0.1234567890123456789012", "1e-320", "4.9e-324", "1.7976931348623157e308", "9007199254740993",
    "  42  ", "123456789012345678901234567890e-10",
  ])
  func readsExactlyAsDoubleDoes(text: String) throws {
    let expected = Double(text.trimmingSpaces)!
    #expect(try parse(text).get().bitPattern == expected.bitPattern)
  }

  @Test func randomDecimalsRoundTripExactly() throws {
    var rng = SeededGenerator(seed: 20_170_124)
    for _ in 0..<20_000 {
      let digits = Int.random(in: 1...24, using: &rng)
      var text = ""
      for i in 0..<digits {
        if i == Int.random(in: 0..<digits, using: &rng) && !text.contains(".") { text += "." }
        text += String(Int.random(in: 0...9, using: &rng))
      }
      if Bool.random(using: &rng) { text += "e\(Int.random(in: -30...30, using: &rng))" }
      guard let expected = Double(text) else { continue }
      #expect(try parse(text).get().bitPattern == expected.bitPattern, "\(text)")
    }
  }

  @Test(arguments: ["", "abc", "1,234", "NaN", "nan", "inf", "-Infinity", "0x1p3", "1e", "1.2.3", "--1", "1 2", "."])
  func rejectsWhatIsNotADecimal(text: String) {
    #expect(throws: NumberParseFailure.notANumber) { try parse(text).get() }
  }

  @Test func overflowIsReported() {
    #expect(throws: NumberParseFailure.overflow) { try parse("1e400").get() }
    #expect(throws: NumberParseFailure.overflow) { try parse("-2e308").get() }
  }
}

extension String {
  var trimmingSpaces: String { split(separator: " ").joined() }
}
