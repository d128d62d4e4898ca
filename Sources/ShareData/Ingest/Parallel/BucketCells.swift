// The long parser's cells for the bucket it is in, by category code, in raw buffers (as DaySums
// is for the trade parser). A row's sum, count and days used to be written into the block's
// arrays, and each write paid a uniqueness check, a runtime call that cachegrind put at 5% of the
// instructions. The bucket's cells join the block's arrays, in the order first seen, when the
// bucket changes. The marks of the run of equal times each code was last seen in live here too.

struct BucketCells {
  private var capacity = 0
  private var sums: UnsafeMutablePointer<Double>
  private var counts: UnsafeMutablePointer<Int64>
  private var firstDays: UnsafeMutablePointer<Int64>
  private var lastDays: UnsafeMutablePointer<Int64>
  /// The block's line of the cell's first row; -1 while the code has no cell in this bucket.
  private var firstLines: UnsafeMutablePointer<Int>
  /// The run of equal times each code was last seen in (0: none yet).
  private var marks: UnsafeMutablePointer<Int>
  /// The codes with a cell in this bucket, in the order first seen (the cells' order).
  private var touched: UnsafeMutablePointer<Int32>
  private var touchedCount = 0

  init() {
    (sums, counts) = (.allocate(capacity: 0), .allocate(capacity: 0))
    (firstDays, lastDays) = (.allocate(capacity: 0), .allocate(capacity: 0))
    (firstLines, marks, touched) = (.allocate(capacity: 0), .allocate(capacity: 0), .allocate(capacity: 0))
    grow(to: 64)
  }

  func deallocate() {
    sums.deallocate()
    counts.deallocate()
    firstDays.deallocate()
    lastDays.deallocate()
    firstLines.deallocate()
    marks.deallocate()
    touched.deallocate()
  }

  /// Whether `code` was seen in run `run` already (a repeated time and category); marks it seen.
  @inline(__always)
  mutating func seen(_ code: Int32, run: Int) -> Bool {
    let c = Int(code)
    if c >= capacity { grow(to: c + 1) }
    if marks[c] == run { return true }
    marks[c] = run
    return false
  }

  /// A row of `code` (after `seen`, so the buffers hold it) with `value` (nil: an empty cell) on
  /// `day`, at the block's line `line`.
  @inline(__always)
  mutating func add(_ code: Int32, _ value: Double?, day: Int64, line: Int) {
    let c = Int(code)
    if firstLines[c] < 0 {
      firstLines[c] = line
      touched[touchedCount] = code
      touchedCount &+= 1
    }
    if let value {
      sums[c] += value
      counts[c] &+= 1
      // Rows come in time order, so the first day with a value is the smallest (and a min is no
      // branch: cachegrind counted the "first day yet?" test mispredicted once a row).
      firstDays[c] = min(firstDays[c], day)
      lastDays[c] = day
    }
  }

  /// Appends the bucket's cells (the bucket starting on day `bucket`) to the block's, in the order
  /// first seen, and clears them.
  mutating func flush(bucket: Int64, into partial: inout SeriesPartial) {
    for k in 0..<touchedCount {
      let c = Int(touched[k])
      partial.buckets.append(bucket)
      partial.codes.append(touched[k])
      partial.sums.append(sums[c])
      partial.counts.append(counts[c])
      partial.firstDays.append(firstDays[c])
      partial.lastDays.append(lastDays[c])
      partial.firstLines.append(firstLines[c])
      clear(c)
    }
    touchedCount = 0
  }

  private mutating func clear(_ c: Int) {
    (sums[c], counts[c], firstDays[c], lastDays[c], firstLines[c]) = (0, 0, .max, .min, -1)
  }

  private mutating func grow(to needed: Int) {
    let size = max(needed, capacity * 2)
    func moved<T>(_ old: UnsafeMutablePointer<T>, _ fill: T) -> UnsafeMutablePointer<T> {
      let new = UnsafeMutablePointer<T>.allocate(capacity: size)
      new.initialize(repeating: fill, count: size)
      new.update(from: old, count: capacity)
      old.deallocate()
      return new
    }
    (sums, counts) = (moved(sums, 0), moved(counts, 0))
    (firstDays, lastDays) = (moved(firstDays, .max), moved(lastDays, .min))
    (firstLines, marks, touched) = (moved(firstLines, -1), moved(marks, 0), moved(touched, 0))
    capacity = size
  }
}
