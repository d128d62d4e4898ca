// A category map: a two-column CSV `from,to` that renames categories, many to one — for example
// exchange → currency (`../shared/datasets/exchange-currency.csv`). The first row is the header.

/// What to do with a category the map does not list.
public enum UnmappedPolicy: String, CaseIterable, Sendable {
  /// Stop with an error listing them (the default: a silent hole in a map skews every share).
  case error
  /// Keep the category under its own name.
  case keep
  /// Fold them into one category named "Other".
  case other
  /// Leave them out of the analysis.
  case drop
}

public struct CategoryMap: Sendable {
  public var name: String
  public var entries: [String: String]

  public init(name: String, entries: [String: String]) {
    self.name = name
    self.entries = entries
  }

  /// Reads a map file.
  public static func load(path: String) throws -> CategoryMap {
    let scanner = CSVScanner(stream: try openInput(path))
    return try load(scanner: scanner)
  }

  public static func load(scanner: CSVScanner) throws -> CategoryMap {
    guard try scanner.next() else {
      throw ShareError.data(
        "the map file is empty", at: SourceLocation(file: scanner.name), expected: "a header and from,to rows")
    }
    var entries: [String: String] = [:]
    var lines: [String: Int] = [:]
    while try scanner.next() {
      guard scanner.fieldCount == 2 else {
        throw ShareError.data(
          "this row has \(scanner.fieldCount) fields", at: scanner.location(), expected: "two fields: from,to")
      }
      let from = try scanner.string(0).trimmed
      let to = try scanner.string(1).trimmed
      guard !from.isEmpty, !to.isEmpty else {
        throw ShareError.data(
          "empty name in the map", at: scanner.location(column: from.isEmpty ? 1 : 2),
          expected: "a category name on both sides")
      }
      if let earlier = entries[from], earlier != to {
        throw ShareError.data(
          "\(quoted(from)) is mapped twice: to \(quoted(earlier)) at line \(lines[from]!) and to \(quoted(to)) here",
          at: scanner.location(column: 1), expected: "one target per category")
      }
      entries[from] = to
      lines[from] = scanner.recordLine
    }
    guard !entries.isEmpty else {
      throw ShareError.data(
        "the map file has no rows", at: SourceLocation(file: scanner.name), expected: "from,to rows after the header")
    }
    return CategoryMap(name: scanner.name, entries: entries)
  }

  /// The new name of each of `categories` under this map.
  public func newNames(for categories: [String], unmapped: UnmappedPolicy) throws -> [String?] {
    let missing = categories.filter { entries[$0] == nil }
    if !missing.isEmpty && unmapped == .error {
      throw ShareError.data(
        "\(missing.count) categor\(missing.count == 1 ? "y is" : "ies are") not in the map: \(missing.map { quoted($0) }.joined(separator: ", "))",
        at: SourceLocation(file: name), expected: "a row for every category in the data",
        hint: "add them to the map, or use \(setting: .unmapped, "keep, other or drop")")
    }
    return categories.map { category in
      if let target = entries[category] { return target }
      switch unmapped {
      case .error, .keep: return category
      case .other: return "Other"
      case .drop: return nil
      }
    }
  }
}
