// The report's top N, decided once for every section: the same categories are kept and the same
// ones folded in the share table, the charts and the comparison. Folding into the data's own
// catch-all column (`others`) instead of a second "Other" beside it keeps one bucket for "the
// rest"; a report used to fold per section (each judged "largest" over its own range and width),
// so "Other" held different categories in different sections and sat next to `others`.

import ShareData

/// Which categories a report keeps, and where the rest went.
public struct CategoryFold: Sendable {
  /// The categories folded away, largest first.
  public var folded: [String]
  /// Where they went: the data's own catch-all (`others`) or a new "Other".
  public var into: String
  /// Whether `into` was already a category of the data.
  public var intoIsTheDatas: Bool
  /// How many categories a report keeps by name, besides the catch-all.
  public var top: Int

  /// Names the data uses for its own "everything else" column.
  static let catchAllNames: Set<String> = ["other", "others"]

  /// The data's catch-all category among `categories`, if it has one.
  public static func catchAll(in categories: [String]) -> String? {
    categories.first { catchAllNames.contains($0.lowercased()) }
  }

  /// Folds `table` to its `top` largest categories by volume within `from..<until` (seconds),
  /// ties by name. Returns the table unchanged and a nil fold when nothing needs folding.
  public static func apply(_ table: VolumeTable, top: Int, from: Int64?, until: Int64?) throws -> (
    VolumeTable, CategoryFold?
  ) {
    guard top >= 1 else { throw ShareError.request("\(setting: .top) needs a number of 1 or more") }
    guard table.categories.count > top else { return (table, nil) }
    let totals = table.filtered(from: from, until: until).categoryTotals
    let catchAll = catchAll(in: table.categories)
    let ranked = table.categories.indices.filter { table.categories[$0] != catchAll }.sorted {
      totals[$0] != totals[$1] ? totals[$0] > totals[$1] : table.categories[$0] < table.categories[$1]
    }
    // `top` categories keep their names; the catch-all (the data's, or a new "Other") holds the rest.
    let kept = Set(ranked.prefix(top))
    let into = catchAll ?? "Other"
    let folded = ranked.filter { !kept.contains($0) }
    guard !folded.isEmpty else { return (table, nil) }
    let names = table.categories.indices.map {
      kept.contains($0) || table.categories[$0] == catchAll ? table.categories[$0] : into
    }
    let fold = CategoryFold(
      folded: folded.map { table.categories[$0] }, into: into, intoIsTheDatas: catchAll != nil, top: top)
    return (table.regrouped(names), fold)
  }

  /// `table` regrouped by `names` (from `topNames`), and the fold that made: the categories renamed
  /// into the catch-all, largest first by `totals`; nil when none was.
  static func folding(_ table: VolumeTable, names: [String?], totals: [Double], top: Int) -> (
    VolumeTable, CategoryFold?
  ) {
    let catchAll = catchAll(in: table.categories)
    let folded = table.categories.indices.filter { names[$0] != table.categories[$0] }.sorted {
      totals[$0] != totals[$1] ? totals[$0] > totals[$1] : table.categories[$0] < table.categories[$1]
    }
    guard let first = folded.first, let into = names[first] else { return (table, nil) }
    let fold = CategoryFold(
      folded: folded.map { table.categories[$0] }, into: into, intoIsTheDatas: catchAll != nil, top: top)
    return (table.regrouped(names), fold)
  }
}
