// The columnar table every analysis starts from: one cell per (time, category), holding the
// volume summed over the source rows that fell in it. This is the seam between reading and
// statistics: a file scan ends here, and so would a database query. Times are unix seconds (UTC),
// categories are dictionary codes, volumes are Doubles with a validity bit (missing ≠ 0).

/// Which input and line a cell first came from, so duplicate errors can name both places.
public struct CellOrigin: Sendable, Equatable {
  public var source: Int32
  public var line: Int64

  public init(source: Int32, line: Int64) {
    self.source = source
    self.line = line
  }
}

/// Volume cells by (time, category), sorted by time then category code. Only ShareData writes the
/// columns (the builder, regrouping, filtering), so every table a caller holds keeps that order.
public struct VolumeTable: Sendable {
  /// Input names, indexed by `CellOrigin.source`.
  public internal(set) var sources: [String]
  /// Category names, indexed by code.
  public internal(set) var categories: [String]
  /// Cell start times in unix seconds, UTC: the row's own time for a series, the day for trades.
  public internal(set) var times: [Int64]
  public internal(set) var codes: [Int32]
  /// Summed volume; 0 where the cell is not valid.
  public internal(set) var volumes: [Double]
  /// How many source rows were summed into the cell (1 for a series).
  public internal(set) var counts: [Int64]
  /// Whether the cell holds an observed value; an empty CSV cell is a cell that is not valid.
  public internal(set) var valid: BitVector
  public internal(set) var origins: [CellOrigin]
  /// The data's own resolution (the default bucket width).
  public internal(set) var resolution: Every

  public var cellCount: Int { times.count }

  public init(
    sources: [String], categories: [String], times: [Int64], codes: [Int32], volumes: [Double],
    counts: [Int64], valid: BitVector, origins: [CellOrigin], resolution: Every
  ) {
    self.sources = sources
    self.categories = categories
    self.times = times
    self.codes = codes
    self.volumes = volumes
    self.counts = counts
    self.valid = valid
    self.origins = origins
    self.resolution = resolution
  }

  /// `file:line` of a cell's first source row.
  public func place(of origin: CellOrigin) -> String {
    "\(sources[Int(origin.source)]):\(origin.line)"
  }

  /// Times at which at least one cell exists, ascending.
  public var distinctTimes: [Int64] {
    var result: [Int64] = []
    for time in times where result.last != time { result.append(time) }
    return result
  }
}
