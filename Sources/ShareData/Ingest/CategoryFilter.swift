// `--include`/`--exclude` where the categories are names rather than row values: the columns of a
// wide file and the categories of sharelens' JSON read back. There the filter's values name
// categories, and the word before `=` only says what they are (`exchange=others`), since such a
// file has no column holding them.

enum CategoryFilter {
  /// Which of `names` the filters keep.
  static func kept(_ names: [String], filters: [RowFilter]) -> [Bool] {
    names.map { name in filters.allSatisfy { $0.values.contains(name) == $0.include } }
  }

  /// A value that names no category of any of the inputs is an error (a typo would otherwise keep
  /// or drop nothing without a word). Checked once every input is read: with several wide files
  /// given together, a value may name a column of any one of them (it was an error in the others).
  static func checkNamed(_ filters: [RowFilter], inputs: [(source: String, categories: [String])]) throws {
    guard !inputs.isEmpty else { return }
    let all = inputs.flatMap(\.categories).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
    let known = Set(all)
    for filter in filters {
      guard let unknown = filter.values.first(where: { !known.contains($0) }) else { continue }
      let who =
        inputs.count == 1
        ? "\(inputs[0].source) has no category"
        : "none of \(inputs.map(\.source).joined(separator: ", ")) has a category"
      throw ShareError.request(
        "\(setting: filter.setting, "\(filter.column)=\(filter.values.joined(separator: ","))"): \(who) \(quoted(unknown))",
        hint: "\(inputs.count == 1 ? "its" : "their") categories are \(all.map { quoted($0) }.joined(separator: ", "))")
    }
  }
}
