// Draws a ChartSpec in a terminal: block characters for stacked areas and bars, braille dots for
// lines (markers without colour), a date axis with calendar ticks, numbered event markers and a
// legend. Nothing it prints is wider than `width` columns; colour is ANSI 256 and optional.

import ShareData

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

public struct TerminalRenderer: Sendable {
  public var width: Int
  /// Rows of the plot area.
  public var height: Int
  public var color: Bool
  public var ascii: Bool

  public init(width: Int = 80, height: Int = 12, color: Bool = false, ascii: Bool = false) {
    self.width = max(width, 30)
    self.height = max(height, 4)
    self.color = color
    self.ascii = ascii
  }

  // MARK: Cells

  /// A character cell with an optional palette colour.
  struct Cell {
    var char: Character = " "
    var color: Int? = nil
  }

  func paint(_ text: String, _ colorIndex: Int?) -> String {
    guard color, let colorIndex else { return text }
    return "\u{1B}[38;5;\(Palette.ansi(colorIndex))m\(text)\u{1B}[0m"
  }

  func line(_ cells: [Cell]) -> String {
    var out = ""
    var run = ""
    var runColor: Int? = nil
    for cell in cells {
      if cell.color != runColor {
        out += paint(run, runColor)
        run = ""
        runColor = cell.color
      }
      run.append(cell.char)
    }
    out += paint(run, runColor)
    return out.trimmingTrailingSpaces()
  }

  var fills: [Character] {
    ascii ? ["#", "=", "+", ":", "%", "@", "-", "."] : color ? ["█"] : ["█", "▓", "▒", "░", "▚", "▞", "▖", "▘"]
  }
  var markers: [Character] {
    ascii ? ["*", "o", "+", "x", "#", "@", "%", "&"] : ["●", "○", "◆", "◇", "■", "□", "▲", "△"]
  }
  func fill(_ index: Int) -> Character { fills[index % fills.count] }
  func marker(_ index: Int) -> Character { markers[index % markers.count] }

  // MARK: Rendering

  public func render(_ spec: ChartSpec) -> String {
    let spec = spec.terminalSafe
    var out: [String] = [clip(spec.title)]
    switch spec.mark {
    case .bar: out += bars(spec)
    case .slope: out += slope(spec)
    case .stackedArea, .line: out += plot(spec)
    }
    if let caption = spec.caption { out += wrap(caption, indent: "") }
    return out.map { clipANSI($0) }.joined(separator: "\n") + "\n"
  }

  /// Stacked areas and lines over a time axis.
  func plot(_ spec: ChartSpec) -> [String] {
    guard case .time(let buckets) = spec.x, let first = buckets.first, let last = buckets.last else {
      return ["(no data)"]
    }
    let domain = spec.resolvedYDomain
    let tickValues = Ticks.values(domain, count: max(2, height / 3), scale: spec.scale)
    let step = tickValues.count > 1 ? tickValues[1] - tickValues[0] : 1
    let labels = tickValues.map { Ticks.label($0, scale: spec.scale, step: step) }
    let labelWidth = labels.map(displayWidth).max() ?? 1
    let plotWidth = width - labelWidth - 1
    let start = first.startDay
    let end = last.endDay
    let span = Double(end - start)
    func dayAt(_ column: Int) -> Int64 { start + Int64((Double(column) + 0.5) / Double(plotWidth) * span) }
    func column(of day: Int64) -> Int {
      min(plotWidth - 1, max(0, Int(Double(day - start) / span * Double(plotWidth))))
    }
    func bucketIndex(_ day: Int64) -> Int? {
      var lo = 0
      var hi = buckets.count
      while lo < hi {
        let mid = (lo + hi) / 2
        if buckets[mid].endDay <= day { lo = mid + 1 } else { hi = mid }
      }
      return lo < buckets.count && buckets[lo].startDay <= day ? lo : nil
    }
    func y(_ value: Double) -> Double {
      let v = spec.scale == .log ? log10(max(value, domain.lowerBound)) : value
      let lo = spec.scale == .log ? log10(domain.lowerBound) : domain.lowerBound
      let hi = spec.scale == .log ? log10(domain.upperBound) : domain.upperBound
      return (v - lo) / (hi - lo)
    }
    var grid = [[Cell]](repeating: [Cell](repeating: Cell(), count: plotWidth), count: height)

    // Band boundaries as dotted rows.
    for band in spec.bands where band.from > domain.lowerBound && band.from < domain.upperBound {
      let row = height - 1 - min(height - 1, Int(y(band.from) * Double(height)))
      for c in 0..<plotWidth { grid[row][c] = Cell(char: ascii ? "-" : "┄", color: nil) }
    }
    // Events as vertical dotted lines (drawn first; data covers them).
    let events = spec.events
    for event in events where event.day >= start && event.day < end {
      let c = column(of: event.day)
      for r in 0..<height { grid[r][c] = Cell(char: ascii ? ":" : "┊", color: nil) }
    }

    switch spec.mark {
    case .stackedArea:
      for c in 0..<plotWidth {
        guard let b = bucketIndex(dayAt(c)) else { continue }
        var bottom = 0.0
        var layers: [(lo: Double, hi: Double, series: Int)] = []
        for (s, series) in spec.series.enumerated() {
          guard let v = series.values[b], v > 0 else { continue }
          layers.append((bottom, bottom + v, s))
          bottom += v
        }
        guard !layers.isEmpty else { continue }
        for r in 0..<height {
          let mid = (Double(height - 1 - r) + 0.5) / Double(height)
          if let layer = layers.first(where: { mid >= $0.lo && mid < $0.hi }) ?? (mid < bottom ? layers.last : nil) {
            let s = spec.series[layer.series]
            grid[r][c] = Cell(char: fill(s.colorIndex), color: s.colorIndex)
          }
        }
      }
    case .line:
      if color && !ascii {
        drawBraille(spec, into: &grid, plotWidth: plotWidth, bucketIndex: bucketIndex, dayAt: dayAt, y: y)
      } else {
        for (s, series) in spec.series.enumerated().reversed() {
          for c in 0..<plotWidth {
            guard let b = bucketIndex(dayAt(c)), let v = series.values[b] else { continue }
            let row = height - 1 - min(height - 1, max(0, Int(y(v) * Double(height))))
            grid[row][c] = Cell(char: marker(s), color: series.colorIndex)
          }
        }
      }
    case .bar, .slope:
      break
    }

    // Assemble: y labels on the rows nearest each tick, then the axis and date labels.
    var rowLabel = [String?](repeating: nil, count: height)
    for (value, label) in zip(tickValues, labels) {
      let row = height - 1 - min(height - 1, max(0, Int(y(value) * Double(height - 1) + 0.5)))
      rowLabel[row] = label
    }
    var lines: [String] = []
    let axisChar = ascii ? "|" : "┤"
    let plainAxis = ascii ? "|" : "│"
    for r in 0..<height {
      let label =
        rowLabel[r].map { pad($0, to: labelWidth, alignment: .right) } ?? String(repeating: " ", count: labelWidth)
      lines.append(label + (rowLabel[r] == nil ? plainAxis : axisChar) + line(grid[r]))
    }
    let dateTicks = Ticks.dates(from: start, until: end, maxCount: max(1, plotWidth / 9))
    var axis = [Character](repeating: ascii ? "-" : "─", count: plotWidth)
    var labelRow = [Character](repeating: " ", count: plotWidth)
    var nextFree = 0
    for day in dateTicks.days {
      let c = column(of: day)
      axis[c] = ascii ? "+" : "┬"
      let text = Array(Ticks.dateLabel(day, every: dateTicks.every))
      if c >= nextFree && c + text.count <= plotWidth {
        for (k, ch) in text.enumerated() { labelRow[c + k] = ch }
        nextFree = c + text.count + 1
      }
    }
    lines.append(String(repeating: " ", count: labelWidth) + (ascii ? "+" : "└") + String(axis))
    lines.append(String(repeating: " ", count: labelWidth + 1) + String(labelRow).trimmingTrailingSpaces())
    if !events.isEmpty {
      var markerRow = [Character](repeating: " ", count: plotWidth)
      for (i, event) in events.enumerated() where event.day >= start && event.day < end {
        let symbol = Array(String(i + 1))
        let c = min(column(of: event.day), plotWidth - symbol.count)
        for (k, ch) in symbol.enumerated() where markerRow[c + k] == " " { markerRow[c + k] = ch }
      }
      lines.append(String(repeating: " ", count: labelWidth + 1) + String(markerRow).trimmingTrailingSpaces())
    }
    lines += legend(spec)
    for (i, event) in events.enumerated() {
      lines += wrap("\(i + 1) \(CivilDate(dayNumber: event.day)) \(event.label)", indent: "  ")
    }
    if !spec.bands.isEmpty {
      lines += wrap(
        "bands: "
          + spec.bands.map {
            "\(Ticks.label($0.from, scale: spec.scale, step: 1))–\(Ticks.label($0.to, scale: spec.scale, step: 1)) \($0.label)"
          }.joined(separator: "; "),
        indent: "  ")
    }
    return lines
  }

  /// Lines in braille dots (2 × 4 per cell), one colour per series.
  func drawBraille(
    _ spec: ChartSpec, into grid: inout [[Cell]], plotWidth: Int, bucketIndex: (Int64) -> Int?, dayAt: (Int) -> Int64,
    y: (Double) -> Double
  ) {
    let dotRows = height * 4
    let dotCols = plotWidth * 2
    var dots = [[UInt8]](repeating: [UInt8](repeating: 0, count: plotWidth), count: height)
    var owner = [[Int?]](repeating: [Int?](repeating: nil, count: plotWidth), count: height)
    let bits: [[UInt8]] = [[0x01, 0x08], [0x02, 0x10], [0x04, 0x20], [0x40, 0x80]]
    func set(_ dx: Int, _ dy: Int, _ series: Int) {
      guard dx >= 0, dx < dotCols, dy >= 0, dy < dotRows else { return }
      let row = dy / 4
      let col = dx / 2
      dots[row][col] |= bits[dy % 4][dx % 2]
      owner[row][col] = series
    }
    for series in spec.series.reversed() {
      var previous: (Int, Int)? = nil
      for dx in 0..<dotCols {
        let day = dayAt(dx / 2)
        guard let b = bucketIndex(day), let v = series.values[b] else {
          previous = nil
          continue
        }
        let dy = dotRows - 1 - min(dotRows - 1, max(0, Int(y(v) * Double(dotRows - 1) + 0.5)))
        if let (px, py) = previous {
          let steps = max(abs(dx - px), abs(dy - py), 1)
          for k in 0...steps { set(px + (dx - px) * k / steps, py + (dy - py) * k / steps, series.colorIndex) }
        } else {
          set(dx, dy, series.colorIndex)
        }
        previous = (dx, dy)
      }
    }
    for r in 0..<height {
      for c in 0..<plotWidth where dots[r][c] != 0 {
        grid[r][c] = Cell(char: Character(Unicode.Scalar(0x2800 + UInt32(dots[r][c]))!), color: owner[r][c])
      }
    }
  }

  /// Grouped horizontal bars: one line per (label, series).
  func bars(_ spec: ChartSpec) -> [String] {
    guard case .labels(let labels) = spec.x else { return [] }
    let domain = spec.resolvedYDomain
    let nameWidth = min(16, (labels.map(displayWidth).max() ?? 1))
    let seriesWidth = min(10, spec.series.map { displayWidth($0.name) }.max() ?? 1)
    let valueWidth = 8
    let barWidth = max(5, width - nameWidth - seriesWidth - valueWidth - 4)
    var lines: [String] = []
    for (i, label) in labels.enumerated() {
      for (s, series) in spec.series.enumerated() {
        let value = series.values[i]
        let fraction =
          value.map { max(0, min(1, ($0 - domain.lowerBound) / (domain.upperBound - domain.lowerBound))) } ?? 0
        let length = Int((fraction * Double(barWidth)).rounded())
        let name =
          s == 0
          ? pad(String(label.prefix(nameWidth)), to: nameWidth, alignment: .left)
          : String(repeating: " ", count: nameWidth)
        let bar = paint(String(repeating: fill(series.colorIndex), count: length), series.colorIndex)
        let text = value.map { Ticks.label($0, scale: spec.scale, step: 0.001) } ?? "—"
        lines.append(
          "\(name) \(pad(String(series.name.prefix(seriesWidth)), to: seriesWidth, alignment: .left)) \(bar)\(String(repeating: " ", count: barWidth - length)) \(pad(text, to: valueWidth - 1, alignment: .right))"
            .trimmingTrailingSpaces())
      }
    }
    return lines + legend(spec)
  }

  /// A slope chart as a table of arrows: category, A, → B, change.
  func slope(_ spec: ChartSpec) -> [String] {
    guard case .labels(let labels) = spec.x, labels.count == 2 else { return [] }
    let nameWidth = min(16, spec.series.map { displayWidth($0.name) }.max() ?? 1)
    let arrow = ascii ? "->" : "→"
    var lines = [
      "\(String(repeating: " ", count: nameWidth)) \(pad(labels[0], to: 8, alignment: .right)) \(arrow) \(pad(labels[1], to: 8, alignment: .right))"
    ]
    for series in spec.series {
      let a = series.values[0].map { Ticks.label($0, scale: spec.scale, step: 0.0001) } ?? "—"
      let b = series.values[1].map { Ticks.label($0, scale: spec.scale, step: 0.0001) } ?? "—"
      let change =
        both(series.values[0], series.values[1]).map { NumberFormat.signed(($1 - $0) * 100, 1) + " pp" } ?? ""
      let name = paint(pad(String(series.name.prefix(nameWidth)), to: nameWidth, alignment: .left), series.colorIndex)
      lines.append(
        "\(name) \(pad(a, to: 8, alignment: .right)) \(arrow) \(pad(b, to: 8, alignment: .right))  \(change)")
    }
    return lines
  }

  func legend(_ spec: ChartSpec) -> [String] {
    guard spec.series.count > 1 || spec.mark == .stackedArea else { return [] }
    let entries = spec.series.map { s -> (String, Int) in
      let symbol =
        spec.mark == .line && !(color && !ascii) ? marker(spec.series.firstIndex(of: s) ?? 0) : fill(s.colorIndex)
      return (paint(String(symbol), s.colorIndex) + " " + s.name, 2 + displayWidth(s.name))
    }
    var lines: [String] = []
    var current = ""
    var used = 0
    for (text, w) in entries {
      if used > 0 && used + 2 + w > width {
        lines.append(current)
        current = ""
        used = 0
      }
      current += (used > 0 ? "  " : "") + text
      used += (used > 0 ? 2 : 0) + w
    }
    if used > 0 { lines.append(current) }
    return lines
  }

  /// Words wrapped to the width.
  func wrap(_ text: String, indent: String) -> [String] {
    var lines: [String] = []
    var current = ""
    for word in text.split(separator: " ") {
      let candidate = current.isEmpty ? String(word) : current + " " + word
      if displayWidth(candidate) > width - (lines.isEmpty ? 0 : displayWidth(indent)) && !current.isEmpty {
        lines.append(current)
        current = String(word)
      } else {
        current = candidate
      }
    }
    if !current.isEmpty { lines.append(current) }
    return lines.enumerated().map { $0 == 0 ? clip($1) : clip(indent + $1) }
  }

  func clip(_ text: String) -> String {
    guard displayWidth(text) > width else { return text }
    var out = ""
    for ch in text {
      if displayWidth(out + String(ch)) > width - 1 { break }
      out.append(ch)
    }
    return out + "…"
  }

  /// Cuts a line with ANSI colour codes to the width (codes do not count).
  func clipANSI(_ text: String) -> String {
    guard visibleWidth(text) > width else { return text }
    var out = ""
    var visible = 0
    var inEscape = false
    for ch in text {
      if ch == "\u{1B}" { inEscape = true }
      if inEscape {
        out.append(ch)
        if ch == "m" { inEscape = false }
        continue
      }
      let w = displayWidth(String(ch))
      if visible + w > width { break }
      out.append(ch)
      visible += w
    }
    return color ? out + "\u{1B}[0m" : out
  }
}

/// Columns a line takes on screen, ANSI colour codes excluded.
public func visibleWidth(_ text: String) -> Int {
  var plain = ""
  var inEscape = false
  for ch in text {
    if ch == "\u{1B}" { inEscape = true }
    if inEscape {
      if ch == "m" { inEscape = false }
      continue
    }
    plain.append(ch)
  }
  return displayWidth(plain)
}
