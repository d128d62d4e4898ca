// `--include`/`--exclude` where the categories are names rather than row values: the columns of a
// wide file and the categories of sharelens' JSON read back. There the filter's values name
// categories, and the word before `=` only says what they are (`exchange=others`), since such a
// file has no column holding them.

enum CategoryFilter {
  /// Which of `names` the filters keep. A value that names none of them is an error (a typo would
  /// otherwise keep or drop nothing without a word).
  static func kept(_ names: [String], filters: [RowFilter], source: String) throws -> [Bool] {
    let known = Set(names)
    for filter in filters {
      if let unknown = filter.values.first(where: { !known.contains($0) }) {
        throw ShareError.request(
          "\(setting: filter.setting, "\(filter.column)=\(filter.values.joined(separator: ","))"): \(source) has no category \(quoted(unknown))",
          hint: "its categories are \(names.map { quoted($0) }.joined(separator: ", "))")
      }
    }
    return names.map { name in filters.allSatisfy { $0.values.contains(name) == $0.include } }
  }
}
