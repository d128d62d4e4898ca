// Colours: the Okabe–Ito palette (Okabe & Ito 2008), distinguishable with the common forms of
// colour blindness, then four of Paul Tol's "muted" colours (Tol 2021, SRON/EPS/TN/09-002) chosen
// greedily for the largest distance to those already in: 12 in all. Measured with CIELAB ΔE*76
// (scripts/palette.py): at least 22 between any two of the 12 and the grey, and at least 7 under a
// simulated deuteranopia (Machado et al. 2009, severity 1): reddish purple against the grey, a
// floor Okabe–Ito itself sets. Each colour has an xterm-256 match, none shared.

public enum Palette {
  /// Hex colours for SVG and HTML, in the order categories receive them.
  public static let hex = [
    "#E69F00", "#56B4E9", "#009E73", "#0072B2", "#D55E00", "#CC79A7", "#F0E442", "#000000",
    "#332288", "#882255", "#117733", "#999933",
  ]
  /// Closest xterm-256 colours (black as dark grey, so it shows on a dark terminal too).
  public static let ansi256 = [214, 117, 36, 25, 166, 175, 227, 240, 54, 89, 28, 100]
  /// Neutral grey for "Other" and for band shading.
  public static let neutralHex = "#999999"
  public static let neutralANSI = 247

  public static func hex(_ index: Int) -> String { hex[index % hex.count] }
  public static func ansi(_ index: Int) -> Int { ansi256[index % ansi256.count] }

  /// The xterm-256 colour nearest to `hex` ("#RRGGBB"), by squared RGB distance over the 6×6×6
  /// cube and the 24 greys: how a colour given with --colors shows in a terminal.
  public static func nearestANSI(_ hex: String) -> Int {
    guard let rgb = ColorOverrides.rgb(hex) else { return neutralANSI }
    let levels = [0, 95, 135, 175, 215, 255]
    var candidates: [(Int, (Int, Int, Int))] = []
    for r in 0..<6 {
      for g in 0..<6 {
        for b in 0..<6 { candidates.append((16 + 36 * r + 6 * g + b, (levels[r], levels[g], levels[b]))) }
      }
    }
    for i in 0..<24 { candidates.append((232 + i, (8 + 10 * i, 8 + 10 * i, 8 + 10 * i))) }
    func distance(_ c: (Int, Int, Int)) -> Int {
      let (dr, dg, db) = (c.0 - rgb.0, c.1 - rgb.1, c.2 - rgb.2)
      return dr * dr + dg * dg + db * db
    }
    return candidates.min { distance($0.1) < distance($1.1) }!.0
  }
}
