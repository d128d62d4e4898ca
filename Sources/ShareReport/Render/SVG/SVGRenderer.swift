// Draws a ChartSpec as a standalone SVG: viewBox, <title> and <desc> for screen readers, the
// Okabe–Ito palette, a system font stack with a generic fallback, every text and attribute
// escaped, and byte-identical output for identical input (no ids from counters or clocks).

import ShareData

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

public struct SVGRenderer: Sendable {
  public var width: Double
  public var height: Double

  public init(width: Double = 860, height: Double = 440) {
    self.width = width
    self.height = height
  }

  static let font = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'DejaVu Sans', sans-serif"

  /// Plot area.
  struct Frame {
    var left: Double
    var right: Double
    var top: Double
    var bottom: Double
    var width: Double { right - left }
    var height: Double { bottom - top }
  }

  public func render(_ spec: ChartSpec) -> String {
    let events = spec.events
    let eventRows = Double(events.count)
    let totalHeight = height + eventRows * 16 + (spec.caption == nil ? 0 : 8)
    let frame = Frame(left: 70, right: width - 180, top: 76, bottom: height - 64)
    var body: [String] = []
    body.append(text(spec.title, x: 16, y: 28, size: 17, weight: "600"))
    switch spec.mark {
    case .stackedArea, .line: body += timePlot(spec, frame)
    case .bar: body += barPlot(spec, frame)
    case .slope: body += slopePlot(spec, frame)
    }
    body += legend(spec, frame)
    var y = height - 22
    if let caption = spec.caption {
      body.append(text(caption, x: 16, y: y, size: 12, fill: "#444444"))
      y += 18
    }
    for (i, event) in events.enumerated() {
      body.append(
        text("\(i + 1)  \(CivilDate(dayNumber: event.day))  \(event.label)", x: 16, y: y, size: 12, fill: "#333333"))
      y += 16
    }
    var desc = spec.caption ?? ""
    desc += " Series: " + spec.series.map(\.name).joined(separator: ", ") + "."
    if !events.isEmpty {
      desc += " Events: " + events.map { "\(CivilDate(dayNumber: $0.day)) \($0.label)" }.joined(separator: "; ") + "."
    }
    let header = """
      <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(n(width)) \(n(totalHeight))" width="\(n(width))" height="\(n(totalHeight))" role="img" font-family="\(Escaping.xml(Self.font))">
      <title>\(Escaping.xml(spec.title))</title>
      <desc>\(Escaping.xml(desc.trimmingSpaces()))</desc>
      <rect x="0" y="0" width="\(n(width))" height="\(n(totalHeight))" fill="#ffffff"/>
      """
    return header + "\n" + body.joined(separator: "\n") + "\n</svg>\n"
  }

  // MARK: Time plots

  func timePlot(_ spec: ChartSpec, _ f: Frame) -> [String] {
    guard case .time(let buckets) = spec.x, let first = buckets.first, let last = buckets.last else { return [] }
    let domain = spec.resolvedYDomain
    let start = Double(first.startDay)
    let span = max(1, Double(last.endDay) - start)
    func x(_ day: Int64) -> Double { f.left + (Double(day) - start) / span * f.width }
    func y(_ value: Double) -> Double {
      if spec.scale == .log {
        let lo = log10(domain.lowerBound)
        let hi = log10(domain.upperBound)
        return f.bottom - (log10(max(value, domain.lowerBound)) - lo) / (hi - lo) * f.height
      }
      return f.bottom - (value - domain.lowerBound) / (domain.upperBound - domain.lowerBound) * f.height
    }
    var out: [String] = []
    // Bands under everything.
    for (i, band) in spec.bands.enumerated() {
      let top = y(min(band.to, domain.upperBound))
      let bottom = y(max(band.from, domain.lowerBound))
      guard bottom > top else { continue }
      out.append(
        "<rect x=\"\(n(f.left))\" y=\"\(n(top))\" width=\"\(n(f.width))\" height=\"\(n(bottom - top))\" fill=\"\(Palette.neutralHex)\" fill-opacity=\"\(n(0.06 + 0.07 * Double(i)))\"/>"
      )
      out.append(text(band.label, x: f.right - 6, y: top + 14, size: 11, fill: "#555555", anchor: "end"))
    }
    out += yAxis(spec, domain, f, y)
    // Date axis.
    let ticks = Ticks.dates(from: first.startDay, until: last.endDay, maxCount: max(2, Int(f.width / 70)))
    out.append(line(f.left, f.bottom, f.right, f.bottom, stroke: "#333333"))
    for day in ticks.days {
      out.append(line(x(day), f.bottom, x(day), f.bottom + 5, stroke: "#333333"))
      out.append(
        text(
          Ticks.dateLabel(day, every: ticks.every), x: x(day), y: f.bottom + 19, size: 11, fill: "#333333",
          anchor: "middle"))
    }
    switch spec.mark {
    case .stackedArea:
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
    case .line:
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
    case .bar, .slope: break
    }
    // Events over the data; numbers that would touch step up a row.
    var lastLabelX = -Double.infinity
    var row = 0
    for (i, event) in spec.events.enumerated() where event.day >= first.startDay && event.day < last.endDay {
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

  func yAxis(_ spec: ChartSpec, _ domain: ClosedRange<Double>, _ f: Frame, _ y: (Double) -> Double) -> [String] {
    let ticks = Ticks.values(domain, count: 5, scale: spec.scale)
    let step = ticks.count > 1 ? ticks[1] - ticks[0] : 1
    var out: [String] = []
    for value in ticks {
      out.append(line(f.left, y(value), f.right, y(value), stroke: "#e3e3e3"))
      out.append(
        text(
          Ticks.label(value, scale: spec.scale, step: step), x: f.left - 8, y: y(value) + 4, size: 11, fill: "#333333",
          anchor: "end"))
    }
    out.append(text(spec.yLabel, x: 16, y: f.top - 10, size: 11, fill: "#555555"))
    return out
  }

  // MARK: Category plots

  func barPlot(_ spec: ChartSpec, _ f: Frame) -> [String] {
    guard case .labels(let labels) = spec.x, !labels.isEmpty else { return [] }
    let domain = spec.resolvedYDomain
    func y(_ v: Double) -> Double {
      f.bottom - (v - domain.lowerBound) / (domain.upperBound - domain.lowerBound) * f.height
    }
    var out = yAxis(spec, domain, f, y)
    out.append(line(f.left, f.bottom, f.right, f.bottom, stroke: "#333333"))
    let group = f.width / Double(labels.count)
    let barWidth = group * 0.8 / Double(max(1, spec.series.count))
    for (i, label) in labels.enumerated() {
      let gx = f.left + group * Double(i) + group * 0.1
      for (s, series) in spec.series.enumerated() {
        guard let v = series.values[i] else { continue }
        let bx = gx + barWidth * Double(s)
        out.append(
          "<rect x=\"\(n(bx))\" y=\"\(n(y(v)))\" width=\"\(n(barWidth * 0.92))\" height=\"\(n(max(0, f.bottom - y(v))))\" fill=\"\(Palette.hex(series.colorIndex))\"><title>\(Escaping.xml("\(label), \(series.name): \(Ticks.label(v, scale: spec.scale, step: 0.0001))"))</title></rect>"
        )
      }
      out.append(
        text(
          label, x: f.left + group * (Double(i) + 0.5), y: f.bottom + 18, size: 11, fill: "#333333", anchor: "middle"))
    }
    return out
  }

  func slopePlot(_ spec: ChartSpec, _ f: Frame) -> [String] {
    guard case .labels(let labels) = spec.x, labels.count == 2 else { return [] }
    let domain = spec.resolvedYDomain
    func y(_ v: Double) -> Double {
      f.bottom - (v - domain.lowerBound) / (domain.upperBound - domain.lowerBound) * f.height
    }
    var out = yAxis(spec, domain, f, y)
    let xa = f.left + f.width * 0.2
    let xb = f.left + f.width * 0.8
    for (x, label) in zip([xa, xb], labels) {
      out.append(line(x, f.top, x, f.bottom, stroke: "#999999"))
      out.append(text(label, x: x, y: f.bottom + 18, size: 12, weight: "600", fill: "#333333", anchor: "middle"))
    }
    for series in spec.series {
      guard let a = series.values[0], let b = series.values[1] else { continue }
      let color = Palette.hex(series.colorIndex)
      out.append(
        "<line x1=\"\(n(xa))\" y1=\"\(n(y(a)))\" x2=\"\(n(xb))\" y2=\"\(n(y(b)))\" stroke=\"\(color)\" stroke-width=\"2\"><title>\(Escaping.xml(series.name))</title></line>"
      )
      out.append("<circle cx=\"\(n(xa))\" cy=\"\(n(y(a)))\" r=\"3.5\" fill=\"\(color)\"/>")
      out.append("<circle cx=\"\(n(xb))\" cy=\"\(n(y(b)))\" r=\"3.5\" fill=\"\(color)\"/>")
    }
    return out
  }

  func legend(_ spec: ChartSpec, _ f: Frame) -> [String] {
    guard spec.series.count > 1 || spec.mark == .stackedArea || spec.mark == .bar else { return [] }
    var out: [String] = []
    var y = f.top + 4
    for series in spec.series {
      out.append(
        "<rect x=\"\(n(f.right + 18))\" y=\"\(n(y - 10))\" width=\"12\" height=\"12\" fill=\"\(Palette.hex(series.colorIndex))\"/>"
      )
      out.append(text(series.name, x: f.right + 36, y: y, size: 12, fill: "#222222"))
      y += 20
    }
    return out
  }

  // MARK: Primitives

  func text(
    _ content: String, x: Double, y: Double, size: Double, weight: String? = nil, fill: String = "#111111",
    anchor: String? = nil
  ) -> String {
    var attributes = "x=\"\(n(x))\" y=\"\(n(y))\" font-size=\"\(n(size))\" fill=\"\(fill)\""
    if let weight { attributes += " font-weight=\"\(weight)\"" }
    if let anchor { attributes += " text-anchor=\"\(anchor)\"" }
    return "<text \(attributes)>\(Escaping.xml(content))</text>"
  }

  func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, stroke: String) -> String {
    "<line x1=\"\(n(x1))\" y1=\"\(n(y1))\" x2=\"\(n(x2))\" y2=\"\(n(y2))\" stroke=\"\(stroke)\" stroke-width=\"1\"/>"
  }

  /// A coordinate with at most one decimal: deterministic and compact.
  func n(_ value: Double) -> String {
    guard value.isFinite else { return "0" }
    let tenths = (value * 10).rounded()
    let whole = Int(tenths) / 10
    let fraction = abs(Int(tenths) % 10)
    let sign = tenths < 0 && whole == 0 ? "-" : ""
    return fraction == 0 ? "\(sign)\(whole)" : "\(sign)\(whole).\(fraction)"
  }
}
