// Colours: the Okabe–Ito palette (Okabe & Ito 2008), distinguishable with the common forms of
// colour blindness, with a terminal (256-colour) match for each.

public enum Palette {
  /// Hex colours for SVG and HTML, in the order series receive them.
  public static let hex = ["#E69F00", "#56B4E9", "#009E73", "#0072B2", "#D55E00", "#CC79A7", "#F0E442", "#000000"]
  /// Closest xterm-256 colours.
  public static let ansi256 = [214, 117, 36, 25, 166, 175, 227, 244]
  /// Neutral grey for "Other" and for band shading.
  public static let neutralHex = "#999999"

  public static func hex(_ index: Int) -> String { hex[index % hex.count] }
  public static func ansi(_ index: Int) -> Int { ansi256[index % ansi256.count] }
}
