// The block parser's memory of the categories it has just seen: a trade line nearly always names
// one of a few categories, and comparing its few bytes with an earlier line's field in the same
// block is cheaper than hashing them for the dictionary (CategoryDictionary.code was 13% of a
// 5M-row trade log's profile). Direct-mapped by length and first and last byte; a miss asks the
// dictionary and takes the slot.

struct CategoryCache {
  static let size = 64
  private struct Entry {
    var start: Int
    var count: Int
    var code: Int32
  }
  private let entries: UnsafeMutablePointer<Entry>

  /// Allocates the slots; the owner calls `deallocate()`.
  init() {
    entries = .allocate(capacity: Self.size)
    entries.initialize(repeating: Entry(start: 0, count: -1, code: -1), count: Self.size)
  }

  func deallocate() { entries.deallocate() }

  @inline(__always)
  private static func slot(_ base: UnsafePointer<UInt8>, _ start: Int, _ count: Int) -> Int {
    let key = UInt(bitPattern: count) &* 31 &+ UInt(base[start]) &* 7 &+ UInt(base[start &+ count &- 1])
    return Int(key & UInt(size - 1))
  }

  /// The code of the `count` (> 0) bytes at `start` of the block at `base`, if an earlier field of
  /// the same block with the same bytes is still remembered.
  @inline(__always)
  func code(_ base: UnsafePointer<UInt8>, _ start: Int, _ count: Int, end: Int) -> Int32? {
    let entry = entries[Self.slot(base, start, count)]
    guard entry.count == count else { return nil }
    // Up to eight bytes as one compare of two words, masked to the field (a byte loop's
    // branches showed in perf); both words must lie inside the block.
    if count <= 8 && start &+ 8 <= end && entry.start &+ 8 <= end {
      let a = UnsafeRawPointer(base + start).loadUnaligned(as: UInt64.self)
      let b = UnsafeRawPointer(base + entry.start).loadUnaligned(as: UInt64.self)
      let mask: UInt64 = count == 8 ? ~0 : (1 &<< UInt64(count &* 8)) &- 1
      return (a ^ b) & UInt64(littleEndian: mask) == 0 ? entry.code : nil
    }
    var k = 0
    while k < count {
      if base[entry.start &+ k] != base[start &+ k] { return nil }
      k &+= 1
    }
    return entry.code
  }

  /// Remembers that the `count` (> 0) bytes at `start` are category `code`.
  @inline(__always)
  func remember(_ base: UnsafePointer<UInt8>, _ start: Int, _ count: Int, code: Int32) {
    entries[Self.slot(base, start, count)] = Entry(start: start, count: count, code: code)
  }
}
