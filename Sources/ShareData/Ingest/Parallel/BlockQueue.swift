// The hand-off between the thread that reads (and decompresses) the input and the threads that
// parse it: a bounded queue of blocks of whole lines, and a pool of reusable buffers, so memory
// stays at a few blocks whatever the input's size.

import Foundation

/// A run of whole lines: bytes start..<end of a buffer borrowed from the pool, or of a mapped file.
final class Block: @unchecked Sendable {
  let index: Int
  let buffer: UnsafeMutableRawBufferPointer
  let start: Int
  let end: Int
  /// The mapped bytes the block is in (unmapped with the last block that holds them); nil for a
  /// buffer of the pool.
  let mapping: MappedWindow?

  init(index: Int, buffer: UnsafeMutableRawBufferPointer, start: Int, end: Int) {
    self.index = index
    self.buffer = buffer
    self.start = start
    self.end = end
    mapping = nil
  }

  /// Bytes `start..<end` of `mapping` (offsets within it).
  init(index: Int, mapping: MappedWindow, start: Int, end: Int) {
    self.index = index
    buffer = UnsafeMutableRawBufferPointer(mutating: mapping.bytes)
    self.start = start
    self.end = end
    self.mapping = mapping
  }

  var bytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(rebasing: buffer[start..<end]) }
}

final class BlockQueue: @unchecked Sendable {
  private let condition = NSCondition()
  private var items: [Block] = []
  private var closed = false
  private let capacity: Int
  private var free: [UnsafeMutableRawBufferPointer] = []
  private var all: [UnsafeMutableRawBufferPointer] = []
  /// Blocks after this index are not needed (an earlier block failed). Guarded by `condition`.
  private var stopAfter = Int.max

  init(capacity: Int) {
    self.capacity = capacity
  }

  deinit {
    for buffer in all { buffer.deallocate() }
  }

  /// A buffer of at least `size` bytes from the pool.
  func buffer(size: Int) -> UnsafeMutableRawBufferPointer {
    condition.lock()
    defer { condition.unlock() }
    if let i = free.firstIndex(where: { $0.count >= size }) { return free.remove(at: i) }
    let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: size, alignment: 16)
    all.append(buffer)
    return buffer
  }

  /// A parsed block's buffer back to the pool (a mapped block's window is unmapped when the
  /// block is dropped).
  func done(with block: Block) {
    if block.mapping == nil { recycle(block.buffer) }
  }

  func recycle(_ buffer: UnsafeMutableRawBufferPointer) {
    condition.lock()
    free.append(buffer)
    condition.unlock()
  }

  /// Waits while the queue is full; returns false when no more blocks are wanted.
  func push(_ block: Block) -> Bool {
    condition.lock()
    defer { condition.unlock() }
    while items.count >= capacity && block.index <= stopAfter { condition.wait() }
    guard block.index <= stopAfter else { return false }
    items.append(block)
    condition.broadcast()
    return true
  }

  /// The next block, or nil when the reader is done and the queue is empty.
  func pop() -> Block? {
    condition.lock()
    defer { condition.unlock() }
    while items.isEmpty && !closed { condition.wait() }
    guard !items.isEmpty else { return nil }
    let block = items.removeFirst()
    condition.broadcast()
    return block
  }

  func close() {
    condition.lock()
    closed = true
    condition.broadcast()
    condition.unlock()
  }

  /// Block `index` failed: later blocks need not be read or parsed.
  func stop(after index: Int) {
    condition.lock()
    stopAfter = min(stopAfter, index)
    condition.broadcast()
    condition.unlock()
  }

  /// Whether block `index` still needs parsing (no earlier block has failed).
  func wants(_ index: Int) -> Bool {
    condition.lock()
    defer { condition.unlock() }
    return index <= stopAfter
  }
}
