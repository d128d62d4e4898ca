// Dictionary encoding of category names, looked up by the raw bytes of a CSV field. A String is
// made once per distinct category, never per row: the hot path hashes bytes and compares them
// against the stored copy.

/// Maps category names to dense codes 0, 1, 2, … in order of first appearance.
public struct CategoryDictionary: Sendable {
  public private(set) var names: [String] = []
  private var keyBytes: [UInt8] = []
  private var keyOffsets: [Int] = [0]
  /// Open addressing: slot holds code + 1, 0 is empty.
  private var slots: [Int32] = Array(repeating: 0, count: 64)
  private var hashes: [UInt64] = []

  public init() {}

  public init(names: [String]) {
    for name in names { _ = code(for: name) }
  }

  public var count: Int { names.count }

  /// FNV-1a: short keys, no allocation, good enough spread for category names.
  @inline(__always)
  static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in bytes {
      h = (h ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
    }
    return h
  }

  /// The code of the category a CSV field's `bytes` name, adding it if new. A field guarded
  /// against spreadsheet formulas (`'=x`, SpreadsheetCell.swift) names the category `=x`.
  /// Returns nil when the bytes are not valid UTF-8 (the caller reports where).
  @inline(__always)
  public mutating func code(for bytes: UnsafeBufferPointer<UInt8>) -> Int32? {
    if bytes.first == UInt8(ascii: "'") && SpreadsheetCell.isGuarded(bytes) {
      return code(forName: UnsafeBufferPointer(rebasing: bytes.dropFirst()))
    }
    return code(forName: bytes)
  }

  /// The code of the category whose name is exactly `bytes`, adding it if new.
  @inline(__always)
  mutating func code(forName bytes: UnsafeBufferPointer<UInt8>) -> Int32? {
    let h = Self.hash(bytes)
    let mask = slots.count - 1
    var slot = Int(truncatingIfNeeded: h) & mask
    while true {
      let entry = slots[slot]
      if entry == 0 { break }
      let code = Int(entry - 1)
      if hashes[code] == h && equals(code, bytes) { return Int32(code) }
      slot = (slot + 1) & mask
    }
    guard let name = String(validating: bytes, as: UTF8.self) else { return nil }
    let code = names.count
    names.append(name)
    keyBytes.append(contentsOf: bytes)
    keyOffsets.append(keyBytes.count)
    hashes.append(h)
    slots[slot] = Int32(code + 1)
    if names.count * 2 > slots.count { rehash() }
    return Int32(code)
  }

  /// The code of `name`, adding it if new.
  public mutating func code(for name: String) -> Int32 {
    var copy = name
    return copy.withUTF8 { code(forName: $0)! }
  }

  private func equals(_ code: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    let start = keyOffsets[code]
    let end = keyOffsets[code + 1]
    guard end - start == bytes.count else { return false }
    return keyBytes.withUnsafeBufferPointer { stored in
      var i = 0
      while i < bytes.count {
        if stored[start + i] != bytes[i] { return false }
        i += 1
      }
      return true
    }
  }

  private mutating func rehash() {
    slots = Array(repeating: 0, count: slots.count * 2)
    let mask = slots.count - 1
    for code in 0..<names.count {
      var slot = Int(truncatingIfNeeded: hashes[code]) & mask
      while slots[slot] != 0 { slot = (slot + 1) & mask }
      slots[slot] = Int32(code + 1)
    }
  }
}
