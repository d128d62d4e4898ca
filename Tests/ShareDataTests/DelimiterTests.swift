// Delimiter sniffing (CSVDialect.swift) and the readers it feeds: semicolon, tab and pipe files
// read as their comma twins do; quotes hide delimiters from the count; a forced delimiter wins.

import ShareData
import TestSupport
import Testing

@Suite struct DelimiterTests {
  func sniff(_ text: String, whole: Bool = true) -> Delimiter {
    Array(text.utf8).withUnsafeBufferPointer { Delimiter.sniff($0, isWholeInput: whole) }
  }

  @Test func eachCandidateIsFoundWhenItSplitsEveryLineAlike() {
    #expect(sniff("Time,a,b\n2016-01-01,1,3\n") == .comma)
    #expect(sniff("Time;a;b\n2016-01-01;1;3\n") == .semicolon)
    #expect(sniff("Time\ta\tb\n2016-01-01\t1\t3\n") == .tab)
    #expect(sniff("Time|a|b\r\n2016-01-01|1|3\r\n") == .pipe)
  }

  @Test func decimalCommasDoNotOutvoteTheSemicolon() {
    // The header has no comma, so the comma is not consistent, however many the rows hold.
    #expect(sniff("Time;a;b\n2016-01-01;1,5;3,25\n2016-01-02;2,5;1,75\n") == .semicolon)
  }

  @Test func delimitersInsideQuotesAreNotCounted() {
    #expect(sniff("date;cat;v\n2016-01-01;\"x,y,z\";1\n2016-01-02;\"a,b\";2\n") == .semicolon)
    #expect(sniff("date,cat,v\n2016-01-01,\"x;y\",1\n") == .comma)
  }

  @Test func oneColumnAndHalfLinesFallBackToComma() {
    #expect(sniff("Time\n2016-01-01\n") == .comma)
    #expect(sniff("") == .comma)
    // A last line cut off by the sample's end does not count against a consistent delimiter.
    #expect(sniff("Time;a;b\n2016-01-01;1;3\n2016-01-0", whole: false) == .semicolon)
  }

  @Test func aRaggedFileGetsTheHeadersMostFrequentCandidate() {
    #expect(sniff("Time;a;b\n2016-01-01;1\n") == .semicolon)
  }

  @Test func semicolonTabAndPipeFilesReadAsTheirCommaTwin() throws {
    let comma = try ingest("date,cat,v\n2016-01-01,\"x,y\",1.5\n2016-01-02,z,2\n")
    for text in [
      "date;cat;v\n2016-01-01;\"x,y\";1.5\n2016-01-02;z;2\n", "date\tcat\tv\n2016-01-01\tx,y\t1.5\n2016-01-02\tz\t2\n",
      "date|cat|v\n2016-01-01|x,y|1.5\n2016-01-02|z|2\n",
    ] {
      let other = try ingest(text)
      #expect(other.table.categories == comma.table.categories, "\(text)")
      #expect(other.table.volumes == comma.table.volumes, "\(text)")
      #expect(other.sources[0].delimiter != .comma)
    }
  }

  @Test func aForcedDelimiterIsUsedAsGiven() throws {
    var options = IngestOptions()
    options.delimiter = .comma
    // Read as comma-separated, the semicolon file is one text column: no numbers to use.
    let error = #expect(throws: ShareError.self) { try ingest("Time;a;b\n2016-01-01;1;3\n", options: options) }
    #expect(error?.message.contains("no column of numbers") == true)
    options.delimiter = .semicolon
    #expect(try ingest("Time;a;b\n2016-01-01;1;3\n", options: options).table.categories == ["a", "b"])
  }

  @Test func aRaggedRowNamesTheDelimiterItExpected() throws {
    let error = #expect(throws: ShareError.self) { try ingest("Time;a;b\n2016-01-01;1;3\n2016-01-02;1\n") }
    #expect(
      error?.expected?.description.contains("3 semicolon-separated fields") == true, "\(String(describing: error))")
  }

  @Test func wideFilesKeepOrDropCategoryColumnsByName() throws {
    var options = IngestOptions()
    options.filters = [try RowFilter("exchange=b", include: false)]
    #expect(try ingest("Time,a,b,c\n2016-01-01,1,3,4\n", options: options).table.categories == ["a", "c"])
    options.filters = [try RowFilter("exchange=c,a", include: true)]
    #expect(try ingest("Time,a,b,c\n2016-01-01,1,3,4\n", options: options).table.categories == ["a", "c"])
    options.filters = [try RowFilter("exchange=x", include: true)]
    let error = #expect(throws: ShareError.self) { try ingest("Time,a,b\n2016-01-01,1,3\n", options: options) }
    #expect(error?.kind == .badRequest)
    #expect(error?.message.contains("has no category \"x\"") == true)
  }
}
