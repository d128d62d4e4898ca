// The data of a time plot: stacked areas as one polygon per run of present values (a missing
// value is a gap), lines as one path per series that lifts its pen over missing values; over
// them, transparent hover targets whose <title> gives each value (a tooltip without script).

import ShareData

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
          "<polygon points=\"\((top + bottom.reversed()).joined(separator: " "))\" fill=\"\(series.style.hex)\"><title>\(Escaping.xml(series.name))</title></polygon>"
        )
      }
      for b in buckets.indices { base[b] += series.values[b] ?? 0 }
    }
    return out + stackedTooltips(spec, t)
  }

  /// Marks with at most this many values get one hover target per value (a <title> each);
  /// beyond it the file would grow by tens of kilobytes per series for tooltips no one can aim at.
  static let tooltipLimit = 1_000

  /// A transparent rectangle over each stacked value, titled with its series, bucket and value:
  /// a browser shows the title on hover, with no script.
  func stackedTooltips(_ spec: ChartSpec, _ t: TimeScale) -> [String] {
    let buckets = t.buckets
    guard buckets.count * spec.series.count <= Self.tooltipLimit else { return [] }
    var out: [String] = []
    var base = [Double](repeating: 0, count: buckets.count)
    for series in spec.series {
      for b in buckets.indices {
        guard let v = series.values[b], v > 0 else { continue }
        let (x0, x1) = (t.x(buckets[b].startDay), t.x(buckets[b].endDay))
        let (top, bottom) = (t.y(base[b] + v), t.y(base[b]))
        out.append(
          "<rect x=\"\(n(x0))\" y=\"\(n(top))\" width=\"\(n(x1 - x0))\" height=\"\(n(bottom - top))\" fill=\"#000000\" fill-opacity=\"0\">\(tooltip(series.name, buckets[b], v, spec.scale))</rect>"
        )
        base[b] += v
      }
    }
    return out
  }

  /// A <title> element: the series, the bucket's dates and the value.
  func tooltip(_ name: String, _ bucket: ChartSpec.TimeBucket, _ value: Double, _ scale: ChartSpec.Scale) -> String {
    let first = CivilDate(dayNumber: bucket.startDay)
    let dates =
      bucket.endDay - bucket.startDay <= 1
      ? first.description : "\(first) to \(CivilDate(dayNumber: bucket.endDay - 1))"
    return "<title>\(Escaping.xml("\(name), \(dates): \(Ticks.label(value, scale: scale, step: 0.0001))"))</title>"
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
          "<path d=\"\(path)\" fill=\"none\" stroke=\"\(series.style.hex)\" stroke-width=\"1.8\" stroke-linejoin=\"round\"><title>\(Escaping.xml(series.name))</title></path>"
        )
      }
    }
    return out + lineTooltips(spec, t)
  }

  /// A transparent dot on each value of a line, titled with its series, bucket and value.
  func lineTooltips(_ spec: ChartSpec, _ t: TimeScale) -> [String] {
    let buckets = t.buckets
    guard buckets.count * spec.series.count <= Self.tooltipLimit else { return [] }
    var out: [String] = []
    for series in spec.series {
      for b in buckets.indices {
        guard let v = series.values[b] else { continue }
        let px = (t.x(buckets[b].startDay) + t.x(buckets[b].endDay)) / 2
        out.append(
          "<circle cx=\"\(n(px))\" cy=\"\(n(t.y(v)))\" r=\"4\" fill=\"\(series.style.hex)\" fill-opacity=\"0\">\(tooltip(series.name, buckets[b], v, spec.scale))</circle>"
        )
      }
    }
    return out
  }
}
