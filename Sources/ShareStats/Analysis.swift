// The pipeline a library user calls: read → map → shares. The command-line tool is only this
// plus option parsing and printing.

import ShareData

/// Everything from reading inputs to the share table, and what happened on the way.
public struct ShareAnalysis: Sendable {
  public var ingest: IngestResult
  /// The table after mapping (the categories the shares are about).
  public var table: VolumeTable
  public var breakdown: ShareBreakdown
  public var mapName: String?
  /// Ingest warnings, then share warnings (partial buckets).
  public var warnings: [Warning] { ingest.warnings + breakdown.warnings }

  public static func run(
    paths: [String], ingest options: IngestOptions, map: CategoryMap? = nil, unmapped: UnmappedPolicy = .error,
    shares shareOptions: ShareOptions
  ) throws -> ShareAnalysis {
    let ingest = try Ingest.read(paths: paths, options: options)
    return try run(ingest: ingest, map: map, unmapped: unmapped, shares: shareOptions)
  }

  public static func run(
    ingest: IngestResult, map: CategoryMap? = nil, unmapped: UnmappedPolicy = .error, shares shareOptions: ShareOptions
  ) throws -> ShareAnalysis {
    let table = try mapped(ingest.table, map: map, unmapped: unmapped)
    return try run(ingest: ingest, mapped: table, mapName: map?.name, shares: shareOptions)
  }

  /// Shares of a table already mapped (by the map named `mapName`, if any).
  public static func run(
    ingest: IngestResult, mapped table: VolumeTable, mapName: String?, shares shareOptions: ShareOptions
  ) throws -> ShareAnalysis {
    ShareAnalysis(
      ingest: ingest, table: table, breakdown: try Shares.compute(table, options: shareOptions), mapName: mapName)
  }

  /// The table with its categories renamed through `map` (unchanged without one).
  public static func mapped(_ table: VolumeTable, map: CategoryMap?, unmapped: UnmappedPolicy) throws -> VolumeTable {
    guard let map else { return table }
    return table.regrouped(try map.newNames(for: table.categories, unmapped: unmapped))
  }
}
