// The CSV writer: quoting on bytes, formula guarding, and write → read back equal through
// sharelens' own scanner.

import ShareData
import TestSupport
import Testing

@testable import ShareReport

/// Writes `rows` with CSVWriter and reads them back with CSVScanner, undoing the formula guard.
func roundTrip(_ rows: [[String]]) throws -> [[String]] {
  var writer = CSVWriter(header: rows[0])
  for row in rows.dropFirst() { writer.row(row) }
  let scanner = CSVScanner(stream: MemoryStream(name: "w.csv", text: writer.text))
  var out: [[String]] = []
  while try scanner.next() {
    out.append(try scanner.strings().map(SpreadsheetCell.unguarded))
  }
  return out
}

@Suite struct CSVWriterTests {
  /// W01: a line break, comma or quote is found whatever follows it: CR LF is one Swift Character,
  /// and so is `,` or `"` followed by a combining mark.
  @Test(arguments: ["a\r\nb", "a,\u{301}b", "a\"\u{301}b", "\r\n", "x\r"])
  func fieldsWithSpecialBytesAreQuoted(_ field: String) throws {
    #expect(CSVWriter.escape(field).hasPrefix("\""))
    #expect(try roundTrip([["h", "k"], [field, "1"]]) == [["h", "k"], [field, "1"]])
  }

  /// W02: text a spreadsheet would run as a formula gets a leading apostrophe; numbers stay numbers.
  @Test func formulaTextIsGuardedAndNumbersAreNot() {
    #expect(CSVWriter.escape("=SUM(A1:A9)") == "'=SUM(A1:A9)")
    #expect(CSVWriter.escape("+1 boom") == "'+1 boom")
    #expect(CSVWriter.escape("-x") == "'-x")
    #expect(CSVWriter.escape("@cmd") == "'@cmd")
    #expect(CSVWriter.escape("\tx") == "'\tx")
    #expect(CSVWriter.escape("'=x") == "''=x")
    #expect(CSVWriter.escape("=1,2") == "\"'=1,2\"")
    for number in ["-5", "+1.5e3", "-0.25", "-1E-7", "3", "-.5"] { #expect(CSVWriter.escape(number) == number) }
    for text in ["'x", "'", "a=b", "x-1"] { #expect(CSVWriter.escape(text) == text) }
  }

  /// W02: what is guarded reads back as it was, also for texts that already start with apostrophes.
  @Test func guardedTextReadsBackEqual() throws {
    let names = ["=SUM(A1)", "'=x", "''-y", "-", "+", "@", "'", "''", "-5", "'-5", "\r=x", "=\"q\",\u{301}"]
    let rows = [["h"] + names.indices.map { "c\($0)" }, ["t"] + names]
    #expect(try roundTrip(rows) == rows)
  }

  /// W01, W02: random texts from a nasty alphabet survive write → read (fixed seed).
  @Test func randomTextsRoundTrip() throws {
    let alphabet = ["a", ",", "\"", "\r", "\n", "\r\n", "'", "=", "-", "+", "@", "\t", "\u{301}", "é", " ", "1", "."]
    var generator = SeededGenerator(seed: 42)
    for _ in 0..<300 {
      let fields = (0..<4).map { _ in
        (0..<Int.random(in: 1...6, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }
          .joined()
      }
      #expect(try roundTrip([["a", "b", "c", "d"], fields]) == [["a", "b", "c", "d"], fields])
    }
  }
}
