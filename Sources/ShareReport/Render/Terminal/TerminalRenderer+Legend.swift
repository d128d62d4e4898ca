// The legend under a chart: each series' symbol and name, as many to a line as the width holds.

extension TerminalRenderer {
  func legend(_ spec: ChartSpec) -> [String] {
    guard spec.series.count > 1 || spec.mark == .stackedArea else { return [] }
    let entries = spec.series.map { s -> (String, Int) in
      let symbol =
        spec.mark == .line && !(color && !ascii) ? marker(s.style) : fill(s.style)
      return (paint(String(symbol), s.style.ansi) + " " + s.name, 2 + displayWidth(s.name))
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
}
