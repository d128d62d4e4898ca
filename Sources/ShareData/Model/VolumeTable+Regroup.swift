// Regrouping the table's categories: mapping exchanges to currencies, folding small categories
// into "Other", dropping some. The work is per category, then one pass over the cells.

extension VolumeTable {
  /// A table whose category `code` becomes `newNames[code]`; nil drops the category. Cells that
  /// land on the same (time, new category) are added up; such a cell is valid when any part was.
  public func regrouped(_ newNames: [String?]) -> VolumeTable {
    precondition(newNames.count == categories.count, "one new name per category")
    var dictionary = CategoryDictionary()
    let remap: [Int32?] = newNames.map { $0.map { dictionary.code(for: $0) } }
    var out = VolumeTable(
      sources: sources, categories: dictionary.names, times: [], codes: [], volumes: [], counts: [],
      valid: BitVector(), origins: [], resolution: resolution)
    var cell = 0
    // Cells are sorted by time; within one time, merge by new code.
    var slotOfCode = [Int](repeating: -1, count: dictionary.count)
    var touched: [Int32] = []
    while cell < times.count {
      let time = times[cell]
      touched.removeAll(keepingCapacity: true)
      var groupStart = out.times.count
      while cell < times.count && times[cell] == time {
        if let code = remap[Int(codes[cell])] {
          let slot = slotOfCode[Int(code)]
          if slot < 0 {
            slotOfCode[Int(code)] = out.times.count
            touched.append(code)
            out.times.append(time)
            out.codes.append(code)
            out.volumes.append(valid[cell] ? volumes[cell] : 0)
            out.counts.append(counts[cell])
            out.valid.append(valid[cell])
            out.origins.append(origins[cell])
          } else if valid[cell] {
            out.volumes[slot] = out.valid[slot] ? out.volumes[slot] + volumes[cell] : volumes[cell]
            out.valid[slot] = true
            out.counts[slot] += counts[cell]
          }
        }
        cell += 1
      }
      for code in touched { slotOfCode[Int(code)] = -1 }
      // Keep cells within a time sorted by the new code.
      if out.times.count - groupStart > 1 {
        let order = (groupStart..<out.times.count).sorted { out.codes[$0] < out.codes[$1] }
        let codes = order.map { out.codes[$0] }
        let volumes = order.map { out.volumes[$0] }
        let counts = order.map { out.counts[$0] }
        let valids = order.map { out.valid[$0] }
        let origins = order.map { out.origins[$0] }
        for (k, slot) in (groupStart..<out.times.count).enumerated() {
          out.codes[slot] = codes[k]
          out.volumes[slot] = volumes[k]
          out.counts[slot] = counts[k]
          out.valid[slot] = valids[k]
          out.origins[slot] = origins[k]
        }
      }
      groupStart = out.times.count
    }
    return out
  }

  /// Only the cells with `from ≤ time < until` (seconds).
  public func filtered(from: Int64?, until: Int64?) -> VolumeTable {
    let lower = from.map { f in times.partitionPoint { $0 >= f } } ?? 0
    let upper = until.map { u in times.partitionPoint { $0 >= u } } ?? times.count
    var valid = BitVector()
    valid.reserveCapacity(max(0, upper - lower))
    if lower < upper { for cell in lower..<upper { valid.append(self.valid[cell]) } }
    let range = lower..<max(lower, upper)
    return VolumeTable(
      sources: sources, categories: categories, times: Array(times[range]), codes: Array(codes[range]),
      volumes: Array(volumes[range]), counts: Array(counts[range]), valid: valid,
      origins: Array(origins[range]), resolution: resolution)
  }
}

extension Array where Element == Int64 {
  /// The first index whose element satisfies `predicate`, for a predicate false then true along the array.
  func partitionPoint(_ predicate: (Int64) -> Bool) -> Int {
    var lo = 0
    var hi = count
    while lo < hi {
      let mid = (lo + hi) / 2
      if predicate(self[mid]) { hi = mid } else { lo = mid + 1 }
    }
    return lo
  }
}
