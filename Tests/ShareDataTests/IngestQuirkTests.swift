import Foundation
import ShareData
import TestSupport
import Testing

@Suite struct IngestQuirkTests {
  @Test func quotedNumbersBOMAndCRLFAreFine() throws {
    let result = try ingest("\u{FEFF}\"Time\",\"a\"\r\n\"2016-01-01\",\"1.5\"\r\n\r\n")
    #expect(cell(result.table, "2016-01-01", "a") == .some(1.5))
  }

  @Test func rowOrderDoesNotMatter() throws {
    let sorted = try ingest("date,cat,v\n2016-01-01,a,1\n2016-01-01,b,2\n2016-01-02,a,3\n")
    let shuffled = try ingest("date,cat,v\n2016-01-02,a,3\n2016-01-01,b,2\n2016-01-01,a,1\n")
    #expect(sorted.table.times == shuffled.table.times)
    #expect(sorted.table.volumes.sorted() == shuffled.table.volumes.sorted())
  }

  @Test func severalFilesAreTheirUnion() throws {
    let both = try ingest([("a.csv", "Time,x\n2016-01-01,1\n"), ("b.csv", "Time,y\n2016-01-01,2\n2016-01-02,3\n")])
    #expect(both.table.categories == ["x", "y"])
    #expect(both.table.cellCount == 3)
    #expect(both.sources.map(\.name) == ["a.csv", "b.csv"])
  }

  @Test func aRepeatedTimeAndCategoryNamesBothPlaces() throws {
    let error = #expect(throws: ShareError.self) {
      try ingest([("a.csv", "Time,x\n2016-01-01,1\n"), ("b.csv", "Time,x\n2016-01-02,1\n2016-01-01,2\n")])
    }
    #expect(error?.kind == .badData)
    #expect(error?.message.contains("a.csv:2") == true)
    #expect(error?.message.contains("b.csv:3") == true)
    #expect(error?.hint?.names(.duplicates) == true)
  }

  @Test func duplicatesCanBeSummedOrReplaced() throws {
    let text = "date,cat,v\n2016-01-01,a,1\n2016-01-01,a,2\n"
    let sum = try ingest(text, options: IngestOptions(duplicates: .sum))
    #expect(cell(sum.table, "2016-01-01", "a") == .some(3))
    #expect(sum.duplicateCount == 1)
    let last = try ingest(text, options: IngestOptions(duplicates: .last))
    #expect(cell(last.table, "2016-01-01", "a") == .some(2))
  }

  @Test func badValuesNameFileLineAndColumn() throws {
    let error = #expect(throws: ShareError.self) { try ingest("Time,a,b\n2016-01-01,1,2\n2016-01-02,3,abc\n") }
    #expect(error?.location == SourceLocation(file: "test.csv", line: 3, column: 3, columnName: "b"))
    #expect(error?.description.contains("test.csv:3:3: not a number: \"abc\"") == true)
    #expect(error?.expected == DecimalParser.expected)
  }

  @Test(arguments: [
    ("Time,a\n2016-01-01,-1\n", "negative volume"),
    ("Time,a\n2016-01-01,NaN\n", "not a number"),
    ("Time,a\n2016-01-01,inf\n", "not a number"),
    ("Time,a\n2016-01-01,1e999\n", "too large"),
    ("Time,a\n2017-02-30,1\n", "impossible date"),
    ("Time,a\nsoon,1\n", "not a time"),
    ("Time,a,b\n2016-01-01,1\n", "the header has 3"),
    ("Time,a,a\n2016-01-01,1,2\n", "duplicate column name"),
    ("Time,a\n", "no data rows"),
    ("", "empty"),
    ("Time,a\n2016-01-01,1\n1451692800,2\n", "mixed time formats"),
  ])
  func badInputIsADataError(text: String, message: String) throws {
    let error = #expect(throws: ShareError.self) { try ingest(text) }
    #expect(error?.kind == .badData)
    #expect(error?.message.contains(message) == true, "\(error?.message ?? "no error")")
  }

  @Test func missingFileAndDirectoryAreNoInput() throws {
    let missing = #expect(throws: ShareError.self) {
      try Ingest.read(paths: ["/nonexistent/x.csv"], options: IngestOptions())
    }
    #expect(missing?.kind == .inputUnreadable)
    // A directory is read file by file; one with nothing sharelens reads in it is no input (E26).
    let empty = FileManager.default.temporaryDirectory.appendingPathComponent("sharelens-empty-\(getpid())").path
    try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: empty) }
    let directory = #expect(throws: ShareError.self) { try Ingest.read(paths: [empty], options: IngestOptions()) }
    #expect(directory?.kind == .inputUnreadable)
  }
}

@Suite struct CategoryMapTests {
  @Test func mapsManyToOneAndListsWhatIsMissing() throws {
    let scanner = CSVScanner(
      stream: MemoryStream(name: "map.csv", text: "exchange,currency\nhuobi,CNY\nokcoin,CNY\nbitstamp,USD\n"))
    let map = try CategoryMap.load(scanner: scanner)
    #expect(try map.newNames(for: ["huobi", "bitstamp"], unmapped: .error) == ["CNY", "USD"])
    let error = #expect(throws: ShareError.self) {
      try map.newNames(for: ["huobi", "kraken", "zaif"], unmapped: .error)
    }
    #expect(error?.message.contains("\"kraken\", \"zaif\"") == true)
    #expect(error?.hint?.names(.unmapped) == true)
    #expect(try map.newNames(for: ["kraken"], unmapped: .keep) == ["kraken"])
    #expect(try map.newNames(for: ["kraken"], unmapped: .other) == ["Other"])
    #expect(try map.newNames(for: ["kraken"], unmapped: .drop) == [nil])
  }

  @Test func conflictingEntriesAreAnError() throws {
    let scanner = CSVScanner(stream: MemoryStream(name: "map.csv", text: "from,to\na,X\na,Y\n"))
    let error = #expect(throws: ShareError.self) { try CategoryMap.load(scanner: scanner) }
    #expect(error?.location?.line == 3)
  }

  @Test func regroupingSumsMergedCellsAndKeepsMissingMissing() throws {
    let table = try ingest("Time,huobi,okcoin,bitstamp\n2016-01-01,1,2,\n2016-01-02,,,4\n").table
    let merged = table.regrouped(["CNY", "CNY", "USD"])
    #expect(merged.categories == ["CNY", "USD"])
    #expect(cell(merged, "2016-01-01", "CNY") == .some(3))
    #expect(cell(merged, "2016-01-02", "CNY") == .some(nil))
    #expect(cell(merged, "2016-01-01", "USD") == .some(nil))
  }
}
