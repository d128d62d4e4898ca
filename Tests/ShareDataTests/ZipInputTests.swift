// Zip inputs: SHA-256 against the standard's vectors, and damage of every kind refused. A zip cut
// anywhere is an error, never a short read; a byte changed anywhere is an error or, where it lands
// in a field reading does not use (a file date), the same volumes.

import Foundation
import TestSupport
import Testing

@testable import ShareData

struct ZipInputTests {
  private func sha256(_ bytes: [UInt8], splitAt split: Int? = nil) -> String {
    var hash = SHA256()
    let cut = split ?? bytes.count
    bytes[..<cut].withUnsafeBytes { hash.update($0) }
    bytes[cut...].withUnsafeBytes { hash.update($0) }
    return hash.finish()
  }

  @Test func sha256MatchesFIPS180Vectors() {
    #expect(sha256([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    #expect(sha256(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    let twoBlocks = Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)
    for split in [0, 1, 55, 56] {
      #expect(sha256(twoBlocks, splitAt: split) == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }
    // 100 000 bytes (i × 7 mod 251), fed in two uneven parts; the digest is Python's hashlib.sha256.
    let long = (0..<100_000).map { UInt8($0 * 7 % 251) }
    #expect(sha256(long, splitAt: 33_333) == "96ad0ddabe9c733d4550fde750255a94806811029be67504bd9bd68e556686b9")
  }

  private let twoMembers = Paths.fixture(
    "ShareDataTests", "binance/data/spot/daily/trades/XRPUSDT/XRPUSDT-trades-two-days.zip")

  private func volumes(_ path: String) throws -> [Double] {
    try Ingest.read(paths: [path], options: IngestOptions()).table.volumes
  }

  @Test func severalMembersAreSeveralInputs() throws {
    let result = try Ingest.read(paths: [twoMembers], options: IngestOptions())
    #expect(
      result.sources.map { $0.name.split(separator: "/").last! } == [
        "XRPUSDT-trades-2024-12-30.csv", "XRPUSDT-trades-2024-12-31.csv",
      ])
  }

  @Test func aZipCutAnywhereIsAnErrorNeverAShortRead() throws {
    let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: twoMembers)))
    let dir = TemporaryDirectory()
    defer { dir.cleanup() }
    for cut in stride(from: 5, to: bytes.count, by: max(1, bytes.count / 60)) + [bytes.count - 1] {
      let path = dir.file("cut.zip", bytes: [0x50, 0x4B, 0x03, 0x04] + bytes[4..<cut])
      #expect(throws: ShareError.self, "cut at \(cut)") { try volumes(path) }
    }
  }

  @Test func aByteChangedAnywhereIsAnErrorOrTheSameVolumes() throws {
    let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: twoMembers)))
    let expected = try volumes(twoMembers)
    let dir = TemporaryDirectory()
    defer { dir.cleanup() }
    var refused = 0
    for position in stride(from: 4, to: bytes.count, by: max(1, bytes.count / 50)) {
      var damaged = bytes
      damaged[position] ^= 0x5A
      let path = dir.file("damaged.zip", bytes: damaged)
      do {
        #expect(try volumes(path) == expected, "byte \(position)")
      } catch is ShareError {
        refused += 1
      }
    }
    #expect(refused > 25)
  }

  @Test func zip64SizesAndEndRecordReadAsAnOrdinaryZip() throws {
    let zip64 = Paths.fixture("ShareDataTests", "binance/zip64/LTCBTC-trades-2024-12-31.zip")
    let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: zip64)))
    // The fixture really is Zip64: its end record (PK 06 06) and locator (PK 06 07) are there.
    #expect(bytes.indices.dropLast(3).contains { bytes[$0..<$0 + 4] == [0x50, 0x4B, 0x06, 0x06] })
    let plain = Paths.fixture("ShareDataTests", "binance/zip64/plain/LTCBTC-trades-2024-12-31.zip")
    #expect(try volumes(zip64) == volumes(plain))
    #expect(try volumes(zip64).count == 1)
  }

  @Test func aChecksumIsCheckedUnlessTheUserSaysNot() throws {
    let zip = Paths.fixture("ShareDataTests", "binance/bad/checksum/BTCUSDT-trades-2024-12-31.zip")
    #expect(throws: ShareError.self) { try volumes(zip) }
    var options = IngestOptions()
    options.verifyChecksums = false
    #expect(try Ingest.read(paths: [zip], options: options).table.cellCount == 1)
  }

  @Test func aSpooledZipReadsLikeTheFileAndLeavesNothingBehind() throws {
    let dir = TemporaryDirectory()
    defer { dir.cleanup() }
    let archive = try ZipArchive(spooling: try FileStream(path: twoMembers), in: dir.path)
    #expect(archive.members.map(\.name) == (try ZipArchive(path: twoMembers)).members.map(\.name))
    let streams = archive.members.map { ZipMemberStream(archive: archive, member: $0) as ByteStream }
    let spooled = try Ingest.read(streams: streams, options: IngestOptions()).table.volumes
    #expect(spooled == (try volumes(twoMembers)))
    // The copy was unlinked when it was made: the folder it went to is empty.
    #expect((try FileManager.default.contentsOfDirectory(atPath: dir.path)).isEmpty)
    let cut = [UInt8](try Data(contentsOf: URL(fileURLWithPath: twoMembers))).dropLast(30)
    let cutPath = dir.file("cut.zip", bytes: Array(cut))
    #expect(throws: ShareError.self) { try ZipArchive(spooling: try FileStream(path: cutPath), in: dir.path) }
    #expect((try FileManager.default.contentsOfDirectory(atPath: dir.path)) == ["cut.zip"])
  }
}
