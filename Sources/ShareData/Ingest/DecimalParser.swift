// Decimal numbers from CSV bytes, correctly rounded: the result is exactly what Double(String)
// gives. Most volume figures have at most 19 significant digits and a small exponent, which
// Clinger's fast path converts exactly with one multiplication or division; the rest go to
// strtod, which glibc rounds correctly.

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

public enum NumberParseFailure: Error, Sendable, Equatable {
  /// Not a decimal number at all (text, a thousands separator, `NaN`, `Inf`, hex).
  case notANumber
  /// A well-formed number too large for a Double.
  case overflow
}

public enum DecimalParser {
  /// What an error says was expected.
  public static let expected: Phrase = "a decimal number like 1234.5 or 1.2e6"

  /// Exact powers of ten as Doubles (10^22 is the largest exactly representable).
  @usableFromInline static let powers: [Double] = (0...22).map { exponent in
    var value = 1.0
    for _ in 0..<exponent { value *= 10 }
    return value
  }

  /// Parses a field; leading and trailing spaces are allowed. The caller handles empty fields.
  @inlinable
  public static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Result<Double, NumberParseFailure> {
    var lo = 0
    var hi = bytes.count
    while lo < hi, bytes[lo] == 0x20 || bytes[lo] == 0x09 { lo += 1 }
    while hi > lo, bytes[hi - 1] == 0x20 || bytes[hi - 1] == 0x09 { hi -= 1 }
    guard lo < hi else { return .failure(.notANumber) }

    var i = lo
    var negative = false
    if bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+") {
      negative = bytes[i] == UInt8(ascii: "-")
      i += 1
    }
    var mantissa: UInt64 = 0
    var significant = 0  // digits accumulated into mantissa
    var dropped = 0  // significant digits beyond 19 (make the fast path inexact)
    var exponent = 0
    var sawDigit = false
    // Integer part.
    while i < hi, bytes[i] &- 0x30 < 10 {
      let digit = UInt64(bytes[i] &- 0x30)
      sawDigit = true
      if mantissa == 0 && digit == 0 {
      } else if significant < 19 {
        mantissa = mantissa * 10 + digit
        significant += 1
      } else {
        dropped += 1
        exponent += 1
      }
      i += 1
    }
    // Fraction.
    if i < hi, bytes[i] == UInt8(ascii: ".") {
      i += 1
      while i < hi, bytes[i] &- 0x30 < 10 {
        let digit = UInt64(bytes[i] &- 0x30)
        sawDigit = true
        if mantissa == 0 && digit == 0 {
          exponent -= 1
        } else if significant < 19 {
          mantissa = mantissa * 10 + digit
          significant += 1
          exponent -= 1
        } else {
          dropped += 1
        }
        i += 1
      }
    }
    guard sawDigit else { return .failure(.notANumber) }
    // Exponent.
    if i < hi, bytes[i] | 0x20 == UInt8(ascii: "e") {
      i += 1
      var expNegative = false
      if i < hi, bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+") {
        expNegative = bytes[i] == UInt8(ascii: "-")
        i += 1
      }
      guard i < hi, bytes[i] &- 0x30 < 10 else { return .failure(.notANumber) }
      var value = 0
      while i < hi, bytes[i] &- 0x30 < 10 {
        if value < 100_000 { value = value * 10 + Int(bytes[i] &- 0x30) }
        i += 1
      }
      exponent += expNegative ? -value : value
    }
    guard i == hi else { return .failure(.notANumber) }

    if mantissa == 0 { return .success(negative ? -0.0 : 0.0) }
    if dropped == 0, mantissa <= 1 << 53, exponent >= -22, exponent <= 22 {
      var value = Double(mantissa)
      value = exponent < 0 ? value / powers[-exponent] : value * powers[exponent]
      return .success(negative ? -value : value)
    }
    return slowPath(UnsafeBufferPointer(rebasing: bytes[lo..<hi]))
  }

  /// strtod on a NUL-terminated copy: correctly rounded, and the syntax was already checked.
  @usableFromInline
  static func slowPath(_ bytes: UnsafeBufferPointer<UInt8>) -> Result<Double, NumberParseFailure> {
    withUnsafeTemporaryAllocation(of: CChar.self, capacity: bytes.count + 1) { text in
      for k in 0..<bytes.count { text[k] = CChar(bitPattern: bytes[k]) }
      text[bytes.count] = 0
      let value = strtod(text.baseAddress!, nil)
      return value.isFinite ? .success(value) : .failure(.overflow)
    }
  }

  /// Parses a String (options, map files).
  public static func parse(_ text: String) -> Result<Double, NumberParseFailure> {
    var copy = text
    return copy.withUTF8 { parse($0) }
  }
}

extension DecimalParser {
  /// Parses a field written with `mark` before its fraction. With a comma: 1234,56 or 1.234,56 (dots
  /// only between groups of three digits, in the integer part), rewritten to 1234.56 and parsed as
  /// above, so the result is the same Double. Not the hot path: the parallel readers see commas only.
  public static func parse(_ bytes: UnsafeBufferPointer<UInt8>, mark: DecimalMark) -> Result<Double, NumberParseFailure>
  {
    guard mark == .comma else { return parse(bytes) }
    return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(bytes.count, 1)) { out in
      guard let count = pointSpelling(bytes, into: out) else { return .failure(.notANumber) }
      return parse(UnsafeBufferPointer(rebasing: out[..<count]))
    }
  }

  /// Parses a String written with `mark` before its fraction.
  public static func parse(_ text: String, mark: DecimalMark) -> Result<Double, NumberParseFailure> {
    var copy = text
    return copy.withUTF8 { parse($0, mark: mark) }
  }

  /// Writes the decimal-comma number in `bytes` with a point and no thousands dots into `out`;
  /// returns its length, or nil when a dot is not between groups of three digits of the integer
  /// part or a second comma follows.
  static func pointSpelling(_ bytes: UnsafeBufferPointer<UInt8>, into out: UnsafeMutableBufferPointer<UInt8>) -> Int? {
    var n = 0
    var i = 0
    // Sign and leading spaces pass through (parse trims and checks them).
    while i < bytes.count,
      bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == UInt8(ascii: "-")
        || bytes[i] == UInt8(ascii: "+")
    {
      out[n] = bytes[i]
      n += 1
      i += 1
    }
    var group = 0  // digits since the start or the last dot
    var sawDot = false
    while i < bytes.count, bytes[i] &- 0x30 < 10 || bytes[i] == UInt8(ascii: ".") {
      if bytes[i] == UInt8(ascii: ".") {
        // A thousands dot: 1 to 3 digits before the first, exactly 3 between two.
        guard group >= 1, group <= 3, !sawDot || group == 3 else { return nil }
        sawDot = true
        group = 0
      } else {
        out[n] = bytes[i]
        n += 1
        group += 1
      }
      i += 1
    }
    if sawDot && group != 3 { return nil }
    if i < bytes.count, bytes[i] == UInt8(ascii: ",") {
      out[n] = UInt8(ascii: ".")
      n += 1
      i += 1
    }
    while i < bytes.count {
      // The fraction, an exponent and trailing spaces pass through; no second mark.
      if bytes[i] == UInt8(ascii: ".") || bytes[i] == UInt8(ascii: ",") { return nil }
      out[n] = bytes[i]
      n += 1
      i += 1
    }
    return n
  }
}
