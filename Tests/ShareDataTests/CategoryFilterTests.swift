// --include/--exclude on several wide files (and sharelens JSON) given together (CategoryFilter):
// a value may name a column of any one input; a value that names no category of any is an error
// listing them all, checked once every input is read.

import ShareData
import TestSupport
import Testing

@Suite struct CategoryFilterTests {
  let inputs = [
    (name: "one.csv", text: "Time,a,b\n2016-01-01,1,3\n"), (name: "two.csv", text: "Time,c,d\n2016-01-02,1,3\n"),
  ]

  func categories(_ filter: String, include: Bool) throws -> Set<String> {
    var options = IngestOptions()
    options.filters = [try RowFilter(filter, include: include)]
    return Set(try ingest(inputs, options: options).table.categories)
  }

  @Test func aValueMayNameAColumnOfAnyOfTheWideFiles() throws {
    // "c" is a column of two.csv only: it was an error for one.csv.
    #expect(try categories("exchange=c", include: false).isSuperset(of: ["a", "b", "d"]))
    #expect(!(try categories("exchange=c", include: false)).contains("c"))
    #expect(try categories("exchange=a,c", include: true) == ["a", "c"])
  }

  @Test func aValueThatNamesNoCategoryOfAnyInputIsAnErrorListingThemAll() throws {
    var options = IngestOptions()
    options.filters = [try RowFilter("exchange=cc", include: false)]
    let error = #expect(throws: ShareError.self) { try ingest(inputs, options: options) }
    #expect(error?.kind == .badRequest)
    let text = error.map { "\($0)" } ?? ""
    #expect(text.contains("none of one.csv, two.csv has a category \"cc\""), "\(text)")
    #expect(text.contains("their categories are \"a\", \"b\", \"c\", \"d\""), "\(text)")
  }
}
