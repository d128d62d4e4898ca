// A regular file mapped into memory a block at a time, read-only, for the parallel reader: its
// blocks point into the mapping instead of being copied into buffers. read(2)'s copy cost the 5M-row trade log 10-13%
// of its CPU time (the kernel's `_copy_to_iter` in perf), on the reader thread that shares the
// two cores with the parsers, and left each block in the other core's cache. Each block's window
// is unmapped once it is parsed, so the peak memory still counts a few blocks,
// not the file. Only a stream read from its start, of a regular file, is mapped: pipes, gzip and
// zip members are read as before.
//
// The one thing mapping changes: reading a mapped byte past the end of a file that another
// program cut shorter is a SIGBUS, not a short read. The reader checks the file's size before it
// maps each block and stops with an I/O error (docs/errors.md I06); a cut that lands while a
// block is being parsed still ends the run with SIGBUS, as with other tools that map files
// (polars, ripgrep). `IngestOptions.mapsFiles = false` reads with read(2).

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A regular file the parallel reader maps a window at a time.
final class MappedFile: @unchecked Sendable {
  let fd: Int32
  let count: Int
  fileprivate static let page = Int(sysconf(Int32(_SC_PAGESIZE)))

  /// `fd` must stay open while this is used (its FileStream owns it).
  init(fd: Int32, count: Int) {
    self.fd = fd
    self.count = count
  }

  /// Whether the file still has at least `end` bytes (it may be cut shorter while it is read).
  func holds(_ end: Int) -> Bool {
    var info = stat()
    return fstat(fd, &info) == 0 && Int(info.st_size) >= end
  }

  /// Bytes `range` of the file, mapped; nil if the system will not map them.
  func window(_ range: Range<Int>) -> MappedWindow? { MappedWindow(fd: fd, range: range) }
}

/// Some bytes of a mapped file, unmapped when the last block that reads them is done: the pages
/// of a parsed block leave the process at once, so the peak memory counts the blocks in flight.
/// (One mapping of the whole file, with each parsed block's pages dropped by madvise, still grew
/// to 0.8 GB on the 50M-row log: the kernel maps the page cache's large folios whole.)
final class MappedWindow: @unchecked Sendable {
  /// The file offset of `bytes[0]`.
  let offset: Int
  let bytes: UnsafeRawBufferPointer
  private let mapped: UnsafeMutableRawPointer
  private let mappedCount: Int

  fileprivate init?(fd: Int32, range: Range<Int>) {
    let start = range.lowerBound / MappedFile.page * MappedFile.page
    let length = range.upperBound - start
    guard length > 0, let address = mmap(nil, length, PROT_READ, MAP_PRIVATE, fd, off_t(start)),
      address != MAP_FAILED
    else { return nil }
    (mapped, mappedCount, offset) = (address, length, range.lowerBound)
    bytes = UnsafeRawBufferPointer(start: address + (range.lowerBound - start), count: range.count)
  }

  deinit { munmap(mapped, mappedCount) }
}
