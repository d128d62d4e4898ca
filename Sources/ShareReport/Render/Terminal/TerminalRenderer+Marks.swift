// The data of a time plot on the character grid: stacked areas in block characters, lines as
// markers (one symbol per series, readable without colour) or, with colour, in braille dots.

extension TerminalRenderer {
  func drawMarks(_ spec: ChartSpec, _ grid: TimeGrid, into cells: inout [[Cell]]) {
    switch spec.mark {
    case .stackedArea: drawStackedAreas(spec, grid, into: &cells)
    case .line:
      if color && !ascii {
        drawBraille(spec, grid, into: &cells)
      } else {
        drawLineMarkers(spec, grid, into: &cells)
      }
    case .bar, .slope: break
    }
  }

  /// Each column shows its bucket's series stacked bottom to top; a missing value leaves no layer.
  func drawStackedAreas(_ spec: ChartSpec, _ grid: TimeGrid, into cells: inout [[Cell]]) {
    for c in 0..<grid.plotWidth {
      guard let b = grid.bucketIndex(grid.day(atColumn: c)) else { continue }
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
          cells[r][c] = Cell(char: fill(s.style), color: s.style.ansi)
        }
      }
    }
  }

  /// One marker per column and series, the first series drawn last (on top).
  func drawLineMarkers(_ spec: ChartSpec, _ grid: TimeGrid, into cells: inout [[Cell]]) {
    for series in spec.series.reversed() {
      for c in 0..<grid.plotWidth {
        guard let b = grid.bucketIndex(grid.day(atColumn: c)), let v = series.values[b] else { continue }
        let row = height - 1 - min(height - 1, max(0, Int(grid.y(v) * Double(height))))
        cells[row][c] = Cell(char: marker(series.style), color: series.style.ansi)
      }
    }
  }

  /// Lines in braille dots (2 × 4 per cell), one colour per series.
  func drawBraille(_ spec: ChartSpec, _ grid: TimeGrid, into cells: inout [[Cell]]) {
    let plotWidth = grid.plotWidth
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
        let day = grid.day(atColumn: dx / 2)
        guard let b = grid.bucketIndex(day), let v = series.values[b] else {
          previous = nil
          continue
        }
        let dy = dotRows - 1 - min(dotRows - 1, max(0, Int(grid.y(v) * Double(dotRows - 1) + 0.5)))
        if let (px, py) = previous {
          let steps = max(abs(dx - px), abs(dy - py), 1)
          for k in 0...steps { set(px + (dx - px) * k / steps, py + (dy - py) * k / steps, series.style.ansi) }
        } else {
          set(dx, dy, series.style.ansi)
        }
        previous = (dx, dy)
      }
    }
    for r in 0..<height {
      for c in 0..<plotWidth where dots[r][c] != 0 {
        cells[r][c] = Cell(char: Character(Unicode.Scalar(0x2800 + UInt32(dots[r][c]))!), color: owner[r][c])
      }
    }
  }
}
