// Stacked areas and lines over a time axis: the scale (days to x, values to y), bands under
// everything, the value and date axes, the marks (SVGRenderer+Marks) and the events over the data.

extension SVGRenderer {
  /// Where a time plot's days and values land in the frame.
  struct TimeScale {
    var buckets: [ChartSpec.TimeBucket]
    var frame: Frame
    var domain: ClosedRange<Double>
    var scale: ChartSpec.Scale
    /// The first day drawn, and the day after the last.
    var firstDay: Int64
    var endDay: Int64

    var start: Double { Double(firstDay) }
    var span: Double { max(1, Double(endDay) - start) }

    func contains(_ day: Int64) -> Bool { day >= firstDay && day < endDay }

    func x(_ day: Int64) -> Double { frame.left + (Double(day) - start) / span * frame.width }

    func y(_ value: Double) -> Double { frame.bottom - scale.position(of: value, in: domain) * frame.height }
  }

  func timePlot(_ spec: ChartSpec, _ f: Frame) -> [String] {
    guard case .time(let buckets) = spec.x, let first = buckets.first, let last = buckets.last else { return [] }
    let t = TimeScale(
      buckets: buckets, frame: f, domain: spec.resolvedYDomain, scale: spec.scale, firstDay: first.startDay,
      endDay: last.endDay)
    var out = bandRects(spec, t) + spanRects(spec, t)
    out += yAxis(spec, t.domain, f, t.y)
    out += dateAxis(t)
    switch spec.mark {
    case .stackedArea: out += stackedAreas(spec, t)
    case .line: out += linePaths(spec, t)
    case .bar, .slope: break
    }
    return out + eventMarks(spec, t)
  }

  /// Bands as shaded rectangles, darker one above the other, each labelled at the right.
  func bandRects(_ spec: ChartSpec, _ t: TimeScale) -> [String] {
    let f = t.frame
    let domain = t.domain
    let y = t.y
    var out: [String] = []
    for (i, band) in spec.bands.enumerated() {
      let top = y(min(band.to, domain.upperBound))
      let bottom = y(max(band.from, domain.lowerBound))
      guard bottom > top else { continue }
      out.append(
        "<rect x=\"\(n(f.left))\" y=\"\(n(top))\" width=\"\(n(f.width))\" height=\"\(n(bottom - top))\" fill=\"\(Palette.neutralHex)\" fill-opacity=\"\(n(0.06 + 0.07 * Double(i)))\"/>"
      )
      out.append(text(band.label, x: f.right - 6, y: top + 14, size: 11, fill: "#555555", anchor: "end"))
    }
    return out
  }

  /// Spans as shaded vertical strips (at least 2 px wide, so a one-day interval shows), under the data.
  func spanRects(_ spec: ChartSpec, _ t: TimeScale) -> [String] {
    let f = t.frame
    return spec.spans.compactMap { span in
      guard span.toDay > t.firstDay, span.fromDay < t.endDay else { return nil }
      let left = t.x(max(span.fromDay, t.firstDay))
      let right = max(t.x(min(span.toDay, t.endDay)), left + 2)
      return
        "<rect x=\"\(n(left))\" y=\"\(n(f.top))\" width=\"\(n(right - left))\" height=\"\(n(f.height))\" fill=\"\(Palette.neutralHex)\" fill-opacity=\"0.22\"/>"
    }
  }

  /// The date axis: a rule with calendar ticks and their labels.
  func dateAxis(_ t: TimeScale) -> [String] {
    let f = t.frame
    let x = t.x
    var out: [String] = []
    let ticks = Ticks.dates(from: t.firstDay, until: t.endDay, maxCount: max(2, Int(f.width / 70)))
    out.append(line(f.left, f.bottom, f.right, f.bottom, stroke: "#333333"))
    for day in ticks.days {
      out.append(line(x(day), f.bottom, x(day), f.bottom + 5, stroke: "#333333"))
      out.append(
        text(
          Ticks.dateLabel(day, every: ticks.every), x: x(day), y: f.bottom + 19, size: 11, fill: "#333333",
          anchor: "middle"))
    }
    return out
  }

  /// Events over the data as dashed lines, numbered above the frame; numbers that would touch step
  /// up a row.
  func eventMarks(_ spec: ChartSpec, _ t: TimeScale) -> [String] {
    let f = t.frame
    let x = t.x
    var out: [String] = []
    var lastLabelX = -Double.infinity
    var row = 0
    for (i, event) in spec.events.enumerated() where t.contains(event.day) {
      let ex = x(event.day)
      row = ex - lastLabelX < 12 ? (row + 1) % 3 : 0
      lastLabelX = ex
      out.append(
        "<line x1=\"\(n(ex))\" y1=\"\(n(f.top))\" x2=\"\(n(ex))\" y2=\"\(n(f.bottom))\" stroke=\"#222222\" stroke-width=\"1\" stroke-dasharray=\"4 3\"/>"
      )
      out.append(
        text(
          String(i + 1), x: ex, y: f.top - 6 - 11 * Double(row), size: 11, weight: "600", fill: "#222222",
          anchor: "middle"))
    }
    return out
  }
}
