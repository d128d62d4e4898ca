// `--colors`: a category's colour chosen by hand, as `name=#hex,name=#hex` on the command line or
// as a CSV file of `category,colour` rows (a header row is optional). Colours are #RGB or #RRGGBB.

import ShareData

public enum ColorOverrides {
  /// "#RRGGBB" in capitals for "#rgb" or "#rrggbb"; nil for anything else.
  public static func normalized(_ text: String) -> String? {
    var digits = Array(text.trimmingSpaces().utf8)
    guard digits.first == UInt8(ascii: "#") else { return nil }
    digits.removeFirst()
    guard digits.count == 3 || digits.count == 6, digits.allSatisfy({ hexValue($0) != nil }) else { return nil }
    if digits.count == 3 { digits = digits.flatMap { [$0, $0] } }
    return "#" + String(decoding: digits, as: UTF8.self).uppercased()
  }

  /// The red, green and blue of "#RRGGBB", 0–255.
  static func rgb(_ hex: String) -> (Int, Int, Int)? {
    guard let normal = normalized(hex) else { return nil }
    let d = Array(normal.utf8).dropFirst().map { hexValue($0)! }
    return (d[0] * 16 + d[1], d[2] * 16 + d[3], d[4] * 16 + d[5])
  }

  static func hexValue(_ byte: UInt8) -> Int? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): Int(byte - UInt8(ascii: "0"))
    case UInt8(ascii: "a")...UInt8(ascii: "f"): Int(byte - UInt8(ascii: "a")) + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): Int(byte - UInt8(ascii: "A")) + 10
    default: nil
    }
  }

  /// `name=#hex,name=#hex`: the colour of each named category.
  public static func parse(list: String) throws -> [String: String] {
    var out: [String: String] = [:]
    for item in list.split(separator: ",") {
      let parts = item.split(separator: "=", maxSplits: 1).map { String($0).trimmingSpaces() }
      guard parts.count == 2, !parts[0].isEmpty else {
        throw ShareError.request(
          Phrase("\(quoted(String(item))) is not category=#colour"),
          hint: "give name=#RRGGBB pairs separated by commas, or a CSV file of category,colour rows")
      }
      guard let colour = normalized(parts[1]) else { throw notAColour(parts[1], at: nil) }
      out[parts[0]] = colour
    }
    return out
  }

  /// A CSV file of `category,colour` rows; a first row whose colour is not a colour is a header.
  public static func load(path: String) throws -> [String: String] {
    let scanner = CSVScanner(stream: try FileStream(path: path))
    var out: [String: String] = [:]
    var row = 0
    while try scanner.next() {
      row += 1
      guard scanner.fieldCount == 2 else {
        throw ShareError.data(
          "this row has \(scanner.fieldCount) fields", at: scanner.location(), expected: "two fields: category,colour")
      }
      let (name, colour) = (try scanner.string(0).trimmingSpaces(), try scanner.string(1))
      guard let normal = normalized(colour) else {
        if row == 1 { continue }
        throw notAColour(colour, at: scanner.location(column: 2))
      }
      out[name] = normal
    }
    return out
  }

  static func notAColour(_ text: String, at location: SourceLocation?) -> ShareError {
    ShareError(
      .badRequest, Phrase("not a colour: \(quoted(text))"), at: location, expected: "#RRGGBB or #RGB",
      hint: "e.g. USD=#0072B2")
  }
}
