// One colour per category for a whole run, so a category looks the same in every chart of a
// report, in the terminal and in SVG, and from one run to the next. Colours follow the category
// names, not their rank or the order of the input files: the names are put in one canonical order
// (case-insensitive, then byte order) and take the palette's colours in turn; catch-alls
// ("Other") are a fixed grey. `--colors` replaces a category's colour without moving the others'.

/// How one series is drawn: the chart model decides, the renderers only look it up.
public struct SeriesStyle: Sendable, Equatable {
  /// "#RRGGBB", for SVG and HTML.
  public var hex: String
  /// The xterm-256 colour for a terminal.
  public var ansi: Int
  /// The symbol (fill or marker) that stands for the series where colour is off: the category's
  /// place in the run's canonical order, so symbols are distinct within a run as far as the
  /// renderer has symbols.
  public var symbol: Int
  /// 0 for the first category with this colour; 1, 2, … for later ones sharing it (more
  /// categories than colours, or a repeated --colors value): a terminal then draws another fill.
  public var shade: Int

  public init(hex: String, ansi: Int, symbol: Int, shade: Int = 0) {
    self.hex = hex
    self.ansi = ansi
    self.symbol = symbol
    self.shade = shade
  }

  /// A measure that is not a category (HHI): the palette's blue, drawn with the first symbol.
  public static let measure = SeriesStyle(hex: Palette.hex(3), ansi: Palette.ansi(3), symbol: 0)

  /// The palette's colour number `index` (series that are not categories: periods, a measure).
  public static func palette(_ index: Int) -> SeriesStyle {
    SeriesStyle(
      hex: Palette.hex(index), ansi: Palette.ansi(index), symbol: index, shade: index / Palette.hex.count)
  }
}

public struct ColorAssignment: Sendable, Equatable {
  /// The names in canonical order, catch-alls last.
  public private(set) var order: [String]
  public private(set) var styles: [String: SeriesStyle]

  /// Names that collect the rest; drawn grey, never given a palette colour.
  public static func isCatchAll(_ name: String) -> Bool {
    ["other", "others", "rest", "(other)", "unmapped"].contains(name.lowercased())
  }

  /// Assigns colours to every name in `categories` (duplicates and order do not matter);
  /// `overrides` maps a name to "#RRGGBB" and wins over the palette.
  public init(categories: some Sequence<String>, overrides: [String: String] = [:]) {
    let names = Set(categories).sorted { a, b in
      let (la, lb) = (a.lowercased(), b.lowercased())
      return la != lb ? la < lb : Array(a.utf8).lexicographicallyPrecedes(b.utf8)
    }
    let regular = names.filter { !Self.isCatchAll($0) }
    order = regular + names.filter(Self.isCatchAll)
    styles = [:]
    var seen: [String: Int] = [:]
    for (symbol, name) in order.enumerated() {
      let slot = symbol < regular.count ? symbol : nil
      let hex = overrides[name] ?? slot.map(Palette.hex) ?? Palette.neutralHex
      let ansi =
        overrides[name].map(Palette.nearestANSI) ?? slot.map(Palette.ansi) ?? Palette.neutralANSI
      let shade = seen[hex.uppercased(), default: 0]
      seen[hex.uppercased()] = shade + 1
      styles[name] = SeriesStyle(hex: hex, ansi: ansi, symbol: symbol, shade: shade)
    }
  }

  /// The style of `name`; a name outside the assignment gets a palette colour from a hash of its
  /// bytes (FNV-1a), the same in every run.
  public func style(for name: String) -> SeriesStyle {
    if let style = styles[name] { return style }
    if Self.isCatchAll(name) {
      return SeriesStyle(hex: Palette.neutralHex, ansi: Palette.neutralANSI, symbol: order.count)
    }
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in name.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
    return .palette(Int(hash % UInt64(Palette.hex.count)))
  }
}
