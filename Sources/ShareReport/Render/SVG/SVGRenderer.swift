// Draws a ChartSpec as a standalone SVG: viewBox, <title> and <desc> for screen readers, the
// Okabe–Ito palette, a system font stack with a generic fallback, every text and attribute
// escaped, and byte-identical output for identical input (no ids from counters or clocks).
// The time plot and its marks are in SVGRenderer+TimePlot.swift and SVGRenderer+Marks.swift.

import ShareData

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
    let eventRows = Double(events.count + spec.spanLabels.count + spec.notes.count)
    // A subtitle moves the plot down a line; a credit line adds one at the foot.
    let subtitleRow: Double = spec.subtitle == nil ? 0 : 20
    let totalHeight =
      height + subtitleRow + eventRows * 16 + (spec.caption == nil ? 0 : 8) + (spec.source == nil ? 0 : 18)
    let frame = Frame(left: 70, right: width - 180, top: 76 + subtitleRow, bottom: height + subtitleRow - 64)
    var body: [String] = []
    body.append(text(spec.title, x: 16, y: 28, size: 17, weight: "600"))
    if let subtitle = spec.subtitle { body.append(text(subtitle, x: 16, y: 50, size: 13, fill: "#444444")) }
    switch spec.mark {
    case .stackedArea, .line: body += timePlot(spec, frame)
    case .bar: body += barPlot(spec, frame)
    case .slope: body += slopePlot(spec, frame)
    }
    body += legend(spec, frame)
    var y = height + subtitleRow - 22
    if let caption = spec.caption {
      body.append(text(caption, x: 16, y: y, size: 12, fill: "#444444"))
      y += 18
    }
    // What was done to the data (smoothing, weighting, a fold), one line each under the caption.
    for note in spec.notes {
      body.append(text(note, x: 16, y: y, size: 12, fill: "#444444"))
      y += 16
    }
    for (i, event) in events.enumerated() {
      body.append(
        text("\(i + 1)  \(CivilDate(dayNumber: event.day))  \(event.label)", x: 16, y: y, size: 12, fill: "#333333"))
      y += 16
    }
    for label in spec.spanLabels {
      body.append(
        "<rect x=\"16\" y=\"\(n(y - 10))\" width=\"12\" height=\"12\" fill=\"\(Palette.neutralHex)\" fill-opacity=\"0.22\"/>"
      )
      body.append(text(label, x: 34, y: y, size: 12, fill: "#333333"))
      y += 16
    }
    if let source = spec.source { body.append(text(source, x: 16, y: y + 4, size: 11, fill: "#555555")) }
    var desc = [spec.subtitle, spec.caption].compactMap { $0 }.joined(separator: ". ")
    if !spec.notes.isEmpty { desc += " " + spec.notes.joined(separator: " ") }
    desc += " Series: " + spec.series.map(\.name).joined(separator: ", ") + "."
    if !events.isEmpty {
      desc += " Events: " + events.map { "\(CivilDate(dayNumber: $0.day)) \($0.label)" }.joined(separator: "; ") + "."
    }
    if !spec.spans.isEmpty { desc += " Shaded: " + spec.spanLabels.joined(separator: "; ") + "." }
    if let source = spec.source { desc += " " + source }
    let header = """
      <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(n(width)) \(n(totalHeight))" width="\(n(width))" height="\(n(totalHeight))" role="img" font-family="\(Escaping.xml(Self.font))">
      <title>\(Escaping.xml(spec.title))</title>
      <desc>\(Escaping.xml(desc.trimmingSpaces()))</desc>
      <rect x="0" y="0" width="\(n(width))" height="\(n(totalHeight))" fill="#ffffff"/>
      """
    return header + "\n" + body.joined(separator: "\n") + "\n</svg>\n"
  }

  // MARK: Axes

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
          "<rect x=\"\(n(bx))\" y=\"\(n(y(v)))\" width=\"\(n(barWidth * 0.92))\" height=\"\(n(max(0, f.bottom - y(v))))\" fill=\"\(series.style.hex)\"><title>\(Escaping.xml("\(label), \(series.name): \(Ticks.label(v, scale: spec.scale, step: 0.0001))"))</title></rect>"
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
      let color = series.style.hex
      out.append(
        "<line x1=\"\(n(xa))\" y1=\"\(n(y(a)))\" x2=\"\(n(xb))\" y2=\"\(n(y(b)))\" stroke=\"\(color)\" stroke-width=\"2\"><title>\(Escaping.xml(series.name))</title></line>"
      )
      for (x, v, label) in [(xa, a, labels[0]), (xb, b, labels[1])] {
        let title = "\(series.name), \(label): \(Ticks.label(v, scale: spec.scale, step: 0.0001))"
        out.append(
          "<circle cx=\"\(n(x))\" cy=\"\(n(y(v)))\" r=\"3.5\" fill=\"\(color)\"><title>\(Escaping.xml(title))</title></circle>"
        )
      }
    }
    return out
  }

  func legend(_ spec: ChartSpec, _ f: Frame) -> [String] {
    guard spec.series.count > 1 || spec.mark == .stackedArea || spec.mark == .bar else { return [] }
    var out: [String] = []
    var y = f.top + 4
    for series in spec.series {
      out.append(
        "<rect x=\"\(n(f.right + 18))\" y=\"\(n(y - 10))\" width=\"12\" height=\"12\" fill=\"\(series.style.hex)\"/>"
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
