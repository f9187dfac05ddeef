import Foundation
import SeededRandom
import Testing

@testable import PartyBuildingKit

/// SHA-256 against the FIPS 180-4 examples, at every padding boundary, fed in pieces, and against `sha256sum`.
@Suite struct SHA256Tests {
  /// The examples of FIPS 180-4 and its published test vectors (NIST CSRC "Examples with Intermediate Values").
  @Test(arguments: [
    ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
    ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
    (
      "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
      "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
    ),
    (
      "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmno"
        + "ijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
      "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"
    ),
  ])
  func nistVectors(_ message: String, _ expected: String) {
    #expect(SHA256.hex(of: Array(message.utf8)) == expected)
  }

  @Test func oneMillionLetterA() {
    // Fed in pieces of 1,000 bytes, as the NIST long-message example is usually run.
    let piece = [UInt8](repeating: UInt8(ascii: "a"), count: 1000)
    var hasher = SHA256()
    for _ in 0..<1000 { hasher.update(bytes: piece) }
    let digest = hasher.finalize()
    #expect(digest.hex == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    #expect(digest.bytes.count == 32)
    #expect(digest.bytes.prefix(4) == [0xCD, 0xC7, 0x6E, 0x5C])
    #expect(SHA256.hex(of: [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)) == digest.hex)
  }

  /// A 200-byte message, byte `i` being `31 i + 7` modulo 256.
  static let message: [UInt8] = (0..<200).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }

  /// Prefixes of ``message`` around each place the padding changes (55/56 bytes left in a block, whole blocks);
  /// the digests are Python's `hashlib.sha256`.
  @Test(arguments: [
    (1, "ca358758f6d27e6cf45272937977a748fd88391db679ceda7dc7bf1f005ee879"),
    (55, "8aa994584139d128848eeebc4e815639ba5ab6e6e39574195a63ac4f14f7c43b"),
    (56, "ad574708f75c044c9b85de64cb568ee7711ff4f36448c6242f053ba8f6cc2b63"),
    (57, "5b46e502092be01b1100193e089fdda95638c12e19a1d24f308eb2c3d3ae849d"),
    (63, "280ed3e8ff1df845b2e7dfe6ac6cee817bef20e783cc65abc41b818b4d2fe076"),
    (64, "c6ab9724ade5b6a7a1edfffb12f3aa9181351355af8fd08c919952ad211339dd"),
    (65, "788367c73c7ddf4c53f65e68cc0d943e6227ab55b0e78ba63ace822b1c6301c0"),
    (119, "3d610547d68216dedf7435a4fb6260353911f6b3fd3f18805ddb8be285d726fe"),
    (120, "1f80156a804cb7862ad113e8200e9d74499723e7c7854d5f48776d3148e09656"),
    (127, "192409cd280e14b743642ad1343fbd3e82d9305de72c078117745a679210cc3d"),
    (128, "cc548ca2dec1f6fe4f58b2e27aa9c7521607df1130d140b55a4dad0665302356"),
    (129, "81e89a7b2911aaa7795f9e3d4910cb47d6cd2b00d83b8399481527261a1a7519"),
    (200, "44cae5223d431caed4a9e32271d6abf17c3f2f4abac45fcdb48a99fcc6072a09"),
  ])
  func paddingBoundaries(_ length: Int, _ expected: String) {
    #expect(SHA256.hex(of: Array(Self.message.prefix(length))) == expected)
  }

  @Test func splitAtEveryOffsetGivesTheSameDigest() {
    let whole = "44cae5223d431caed4a9e32271d6abf17c3f2f4abac45fcdb48a99fcc6072a09"
    for offset in 0...Self.message.count {
      var hasher = SHA256()
      hasher.update(bytes: Array(Self.message[..<offset]))
      Self.message[offset...].withUnsafeBytes { hasher.update(bytes: $0) }
      #expect(hasher.finalize().hex == whole, "split at \(offset)")
    }
    // Three pieces, the middle one crossing a block boundary from each possible start.
    for start in 0..<64 {
      var hasher = SHA256()
      hasher.update(bytes: Array(Self.message[..<start]))
      hasher.update(bytes: Array(Self.message[start..<(start + 70)]))
      hasher.update(bytes: Array(Self.message[(start + 70)...]))
      #expect(hasher.finalize().hex == whole, "pieces from \(start) and \(start + 70)")
    }
    var byteAtATime = SHA256()
    for byte in Self.message { byteAtATime.update(bytes: [byte]) }
    #expect(byteAtATime.finalize().hex == whole)
  }

  @Test func finalizeLeavesTheHasherAsItWas() {
    var hasher = SHA256()
    hasher.update(bytes: Array(Self.message.prefix(64)))
    #expect(hasher.finalize().hex == "c6ab9724ade5b6a7a1edfffb12f3aa9181351355af8fd08c919952ad211339dd")
    hasher.update(bytes: [])
    hasher.update(bytes: Array(Self.message[64..<65]))
    #expect(hasher.finalize().hex == "788367c73c7ddf4c53f65e68cc0d943e6227ab55b0e78ba63ace822b1c6301c0")
    #expect(hasher.finalize() == hasher.finalize())
    #expect("\(hasher.finalize())" == "788367c73c7ddf4c53f65e68cc0d943e6227ab55b0e78ba63ace822b1c6301c0")
  }

  // MARK: Files

  @Test func aFileThatIsNotThere() {
    let path = "/nonexistent-pbk-\(UInt64.random(in: 0...UInt64.max))/pack.json"
    #expect(throws: SHA256.FileError(path: path, reason: "no such file")) { try SHA256.hexOfFile(path: path) }
    #expect(
      SHA256.FileError(path: "packs/a.json", reason: "no such file").description
        == "packs/a.json: cannot read the file to take its SHA-256 digest: no such file")
  }

  @Test func aFolderIsNotAFile() {
    let path = FileManager.default.temporaryDirectory.path
    #expect(throws: SHA256.FileError(path: path, reason: "it is a folder, not a file")) {
      try SHA256.hexOfFile(path: path)
    }
  }

  /// The path of `sha256sum`, when it is installed.
  static let sha256sum: String? = ["/usr/bin/sha256sum", "/bin/sha256sum", "/usr/local/bin/sha256sum"].first {
    FileManager.default.isExecutableFile(atPath: $0)
  }

  @Test(
    "a 3 MB file (four 1 MiB reads, the last one short) agrees with sha256sum",
    .enabled(if: sha256sum != nil, "sha256sum is not installed (GNU coreutils); the cross-check is skipped"))
  func agreesWithSha256sum() throws {
    let sha256sum = try #require(Self.sha256sum)
    var random = SplitMix64(seed: 0x5A_256)
    var bytes = [UInt8]()
    bytes.reserveCapacity(3 << 20 + 4_099)
    while bytes.count < 3 << 20 + 4_099 {
      withUnsafeBytes(of: random.next()) { bytes += $0 }
    }
    bytes.removeLast(bytes.count - (3 << 20 + 4_099))
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "pbk-sha256-\(UInt64.random(in: 0...UInt64.max)).bin")
    try Data(bytes).write(to: url)
    defer { try? FileManager.default.removeItem(at: url) }

    let process = Process()
    process.executableURL = URL(fileURLWithPath: sha256sum)
    process.arguments = [url.path]
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let output = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
    let expected = String(decoding: output.prefix(64), as: UTF8.self)
    #expect(expected.count == 64)

    #expect(try SHA256.hexOfFile(path: url.path) == expected)
    #expect(SHA256.hex(of: bytes) == expected)
  }
}
