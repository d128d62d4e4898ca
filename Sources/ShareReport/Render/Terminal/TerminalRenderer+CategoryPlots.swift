// Charts over categories rather than time: grouped horizontal bars, and the slope chart as a
// table of arrows.

extension TerminalRenderer {
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
        let bar = paint(String(repeating: fill(series.style), count: length), series.style.ansi)
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
      let name = paint(pad(String(series.name.prefix(nameWidth)), to: nameWidth, alignment: .left), series.style.ansi)
      lines.append(
        "\(name) \(pad(a, to: 8, alignment: .right)) \(arrow) \(pad(b, to: 8, alignment: .right))  \(change)")
    }
    return lines
  }
}
