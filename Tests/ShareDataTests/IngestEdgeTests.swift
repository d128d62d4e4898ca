// Edges of ingest decisions that a wrong threshold would move.

import ShareData
import TestSupport
import Testing

@Suite struct IngestEdgeTests {
  /// A column that equals the others' sum on one row with three values only is a category, not a
  /// TOTAL: a total needs two such rows unless it is named like one (total, sum, all).
  @Test func aColumnEqualToTheOthersSumOnceIsStillACategory() throws {
    let once = try ingest("Time,a,b,c\n2016-01-01,1,2,3\n2016-01-02,1,,1\n")
    #expect(once.table.categories.sorted() == ["a", "b", "c"])
    #expect(!once.warnings.contains { $0.message.contains("equals the sum") })
    let named = try ingest("Time,a,b,total\n2016-01-01,1,2,3\n2016-01-02,1,,1\n")
    #expect(named.table.categories.sorted() == ["a", "b"])
    let twice = try ingest("Time,a,b,c\n2016-01-01,1,2,3\n2016-01-02,1,1,2\n")
    #expect(twice.table.categories.sorted() == ["a", "b"])
  }
}
