// Whether the categories of an analysis are firms, so that the merger guidelines' HHI bands mean
// something: decided from how the categories were made, in one place for concentration, compare and
// report (the report used to print bands for currencies that concentration refused them).

import ShareData
import ShareStats

extension ConcentrationUnits {
  /// Firms only when the grouping is by exchange (or a wide file's columns, unless `categoriesAre`
  /// says otherwise, or every column but the catch-all is a currency code, as in the bundled
  /// `Time,CNY,USD,other,…` dataset); a map's groups, currencies, pairs and markets are not.
  static func of(
    group: Grouping?, mapName: String?, categoriesAre: CategoriesAre? = nil, categories: [String] = []
  ) -> ConcentrationUnits {
    if let mapName {
      return .notFirms(
        reason:
          "the categories are the groups of the map \(mapName.split(separator: "/").last.map(String.init) ?? mapName), "
          + "each holding several exchanges, not firms")
    }
    switch categoriesAre {
    case .firms: return .firms
    case .groups: return .notFirms(reason: "the categories are groups (--categories-are groups), not firms")
    case nil: break
    }
    switch group {
    case nil:
      let named = categories.filter { $0 != CategoryFold.catchAll(in: categories) }
      if !named.isEmpty, named.allSatisfy({ AssetCode.quoteAssets.contains($0.uppercased()) }) {
        return .notFirms(
          reason: "the categories (\(named.prefix(3).joined(separator: ", "))\(named.count > 3 ? ", …" : "")) are "
            + "currencies, each traded on many exchanges")
      }
      return .firms
    case .exchange: return .firms
    case .quote, .base: return .notFirms(reason: "the categories are currencies, each traded on many exchanges")
    case .pair: return .notFirms(reason: "the categories are pairs, each traded on many exchanges")
    case .market: return .notFirms(reason: "the categories are markets, several of them on one exchange")
    case .column(let name):
      return .notFirms(reason: "the categories are the values of the column \(name), not known to be firms")
    }
  }
}
