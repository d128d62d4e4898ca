// Draws a ChartSpec in a terminal: block characters for stacked areas and bars, braille dots for
// lines (markers without colour), a date axis with calendar ticks, numbered event markers and a
// legend. Nothing it prints is wider than `width` columns; colour is ANSI 256 and optional.
// This file holds the cells and the entry point; the time plot, its marks and annotations, the
// category plots and the legend are in TerminalRenderer+<concern>.swift.

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

  /// A character cell with an optional xterm-256 colour.
  struct Cell {
    var char: Character = " "
    var color: Int? = nil
  }

  func paint(_ text: String, _ ansi: Int?) -> String {
    guard color, let ansi else { return text }
    return "\u{1B}[38;5;\(ansi)m\(text)\u{1B}[0m"
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

  /// Fills without colour: one per category of a run (its style's symbol), 14 before they repeat.
  var fills: [Character] {
    ascii
      ? ["#", "=", "+", ":", "%", "@", "-", ".", "*", "o", "x", "~", "^", "$"]
      : ["█", "▓", "▒", "░", "▚", "▞", "▖", "▘", "▗", "▝", "▙", "▟", "▛", "▜"]
  }
  /// Fills with colour: solid, and lighter for a category whose colour an earlier one has.
  static let shades: [Character] = ["█", "▓", "▒", "░"]
  var markers: [Character] {
    ascii
      ? ["*", "o", "+", "x", "#", "@", "%", "&", "$", "=", "~", "^"]
      : ["●", "○", "◆", "◇", "■", "□", "▲", "△", "▼", "▽", "◐", "◑"]
  }
  func fill(_ style: SeriesStyle) -> Character {
    color && !ascii ? Self.shades[style.shade % Self.shades.count] : fills[style.symbol % fills.count]
  }
  func marker(_ style: SeriesStyle) -> Character { markers[style.symbol % markers.count] }

  // MARK: Rendering

  public func render(_ spec: ChartSpec) -> String {
    let spec = spec.terminalSafe
    var out: [String] = [clip(spec.title, width: width)]
    if let subtitle = spec.subtitle { out += wrapToWidth(subtitle, indent: "") }
    switch spec.mark {
    case .bar: out += bars(spec)
    case .slope: out += slope(spec)
    case .stackedArea, .line: out += plot(spec)
    }
    if let caption = spec.caption { out += wrapToWidth(caption, indent: "") }
    for note in spec.notes { out += wrapToWidth(note, indent: "") }
    if let source = spec.source { out += wrapToWidth(source, indent: "") }
    return out.map { clipANSI($0, width: width, reset: color) }.joined(separator: "\n") + "\n"
  }

  /// Words wrapped to the width, continuation lines indented, every line clipped.
  func wrapToWidth(_ text: String, indent: String) -> [String] {
    wrap(text, width: width, indent: indent).map { clip($0, width: width) }
  }
}
