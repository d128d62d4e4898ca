// The data of a time plot: stacked areas as one polygon per run of present values (a missing
// value is a gap), lines as one path per series that lifts its pen over missing values.

extension SVGRenderer {
  func stackedAreas(_ spec: ChartSpec, _ t: TimeScale) -> [String] {
    let buckets = t.buckets
    let x = t.x
    let y = t.y
    var out: [String] = []
    var base = [Double](repeating: 0, count: buckets.count)
    for series in spec.series {
      var runs: [[Int]] = []
      var run: [Int] = []
      for b in buckets.indices {
        if let v = series.values[b], v > 0 {
          run.append(b)
        } else if !run.isEmpty {
          runs.append(run)
          run = []
        }
      }
      if !run.isEmpty { runs.append(run) }
      for run in runs {
        var top: [String] = []
        var bottom: [String] = []
        for b in run {
          let v = series.values[b]!
          top.append("\(n(x(buckets[b].startDay))),\(n(y(base[b] + v)))")
          top.append("\(n(x(buckets[b].endDay))),\(n(y(base[b] + v)))")
          bottom.append("\(n(x(buckets[b].startDay))),\(n(y(base[b])))")
          bottom.append("\(n(x(buckets[b].endDay))),\(n(y(base[b])))")
        }
        out.append(
          "<polygon points=\"\((top + bottom.reversed()).joined(separator: " "))\" fill=\"\(Palette.hex(series.colorIndex))\"><title>\(Escaping.xml(series.name))</title></polygon>"
        )
      }
      for b in buckets.indices { base[b] += series.values[b] ?? 0 }
    }
    return out
  }

  func linePaths(_ spec: ChartSpec, _ t: TimeScale) -> [String] {
    let buckets = t.buckets
    let x = t.x
    let y = t.y
    var out: [String] = []
    for series in spec.series {
      var path = ""
      var drawing = false
      for b in buckets.indices {
        guard let v = series.values[b] else {
          drawing = false
          continue
        }
        let px = x(buckets[b].startDay) + (x(buckets[b].endDay) - x(buckets[b].startDay)) / 2
        path += (drawing ? "L" : "M") + "\(n(px)) \(n(y(v)))"
        drawing = true
      }
      if !path.isEmpty {
        out.append(
          "<path d=\"\(path)\" fill=\"none\" stroke=\"\(Palette.hex(series.colorIndex))\" stroke-width=\"1.8\" stroke-linejoin=\"round\"><title>\(Escaping.xml(series.name))</title></path>"
        )
      }
    }
    return out
  }
}
