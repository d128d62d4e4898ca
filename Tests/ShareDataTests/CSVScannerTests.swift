import ShareData
import Testing

/// Every record of `text`, read with a chunk size small enough to split records across refills.
func records(_ text: String, chunkSize: Int = 4 << 20) throws -> [[String]] {
  try records(bytes: Array(text.utf8), chunkSize: chunkSize)
}

func records(bytes: [UInt8], chunkSize: Int = 4 << 20) throws -> [[String]] {
  let scanner = CSVScanner(stream: MemoryStream(name: "t.csv", bytes: bytes), chunkSize: chunkSize)
  var out: [[String]] = []
  while try scanner.next() { out.append(try scanner.strings()) }
  return out
}

@Suite struct CSVScannerTests {
  let expected = [["Time", "a", "b"], ["2016-01-01", "1", "2"], ["2016-01-02", "3", ""]]

  @Test(arguments: ["\n", "\r\n", "\r"])
  func everyLineEndingGivesTheSameRecords(ending: String) throws {
    let text = expected.map { $0.joined(separator: ",") }.joined(separator: ending) + ending
    for chunk in [2, 3, 5, 4 << 20] {
      #expect(try records(text, chunkSize: chunk) == expected)
    }
  }

  @Test func missingFinalNewlineStillEndsTheLastRecord() throws {
    #expect(try records("a,b\n1,2") == [["a", "b"], ["1", "2"]])
    #expect(try records("a,b\r1,", chunkSize: 2) == [["a", "b"], ["1", ""]])
  }

  @Test func byteOrderMarkIsSkipped() throws {
    let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("Time,a\n2016-01-01,1\n".utf8)
    #expect(try records(bytes: bytes) == [["Time", "a"], ["2016-01-01", "1"]])
  }

  @Test func blankLinesAreSkipped() throws {
    #expect(try records("a,b\n\n1,2\n   \n\r\n3,4\n\n") == [["a", "b"], ["1", "2"], ["3", "4"]])
  }

  @Test func quotedFieldsKeepCommasQuotesAndLineBreaks() throws {
    let text = "name,note\n\"x,y\",\"say \"\"hi\"\"\"\n\"multi\nline\",\"\"\n"
    for chunk in [2, 7, 4 << 20] {
      #expect(try records(text, chunkSize: chunk) == [["name", "note"], ["x,y", "say \"hi\""], ["multi\nline", ""]])
    }
  }

  @Test func lineNumbersCountPhysicalLinesIncludingQuotedBreaks() throws {
    let scanner = CSVScanner(stream: MemoryStream(name: "t.csv", text: "a\n\"x\ny\"\n\nz\n"), chunkSize: 3)
    var lines: [Int] = []
    while try scanner.next() { lines.append(scanner.recordLine) }
    #expect(lines == [1, 2, 5])
  }

  @Test func unterminatedQuoteNamesTheLineWhereItOpened() throws {
    let error = #expect(throws: ShareError.self) { try records("a,b\n1,\"open\n2,3\n") }
    #expect(error?.kind == .badData)
    #expect(error?.location?.line == 2)
    #expect(error?.location?.column == 2)
    #expect(error?.message.contains("unterminated quoted field") == true)
  }

  @Test func textAfterAClosingQuoteIsAnError() throws {
    let error = #expect(throws: ShareError.self) { try records("a\n\"x\"y\n") }
    #expect(error?.location?.line == 2)
    #expect(error?.hint?.contains("\"\"") == true)
  }

  @Test func nulByteIsAnError() throws {
    let error = #expect(throws: ShareError.self) { try records(bytes: Array("a,b\n1,".utf8) + [0] + Array("2\n".utf8)) }
    #expect(error?.location?.line == 2)
    #expect(error?.message.contains("NUL") == true)
  }

  @Test func invalidUTF8IsAnErrorOnlyWhenTheTextIsNeeded() throws {
    let scanner = CSVScanner(stream: MemoryStream(name: "t.csv", bytes: Array("a,".utf8) + [0xFF, 0xFE] + [0x0A]))
    #expect(try scanner.next())
    #expect(scanner.fieldCount == 2)
    let error = #expect(throws: ShareError.self) { try scanner.string(1) }
    #expect(error?.message.contains("UTF-8") == true)
  }

  @Test func aRecordLongerThanTheLimitIsAnError() throws {
    let long = String(repeating: "x", count: 5000)
    let scanner = CSVScanner(
      stream: MemoryStream(name: "t.csv", text: "a\n\(long)\n"), chunkSize: 64, maxRecordBytes: 1000)
    #expect(try scanner.next())
    let error = #expect(throws: ShareError.self) { try scanner.next() }
    #expect(error?.message.contains("longer than") == true)
  }

  @Test func markAndRewindReadTheSameRecordsAgain() throws {
    let scanner = CSVScanner(stream: MemoryStream(name: "t.csv", text: "h\n1\n2\n3\n"), chunkSize: 2)
    try scanner.setMark()
    var first: [String] = []
    while try scanner.next() { first.append(try scanner.string(0)) }
    scanner.rewind()
    var second: [String] = []
    while try scanner.next() { second.append(try scanner.string(0)) }
    #expect(first == ["h", "1", "2", "3"])
    #expect(second == first)
  }
}
