// Copyright © 2026 the ssl authors.

import Runtime
import Testing

@Suite("SHA-256")
struct SHA256Tests {
  @Test("FIPS 180-4 test vectors, one-shot and incremental")
  func vectors() {
    #expect(SHA256.hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    #expect(SHA256.hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    let long = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"
    #expect(SHA256.hex(long) == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    var pieces = SHA256()
    for chunk in [
      String(long.prefix(5)), String(long.dropFirst(5).prefix(50)), String(long.dropFirst(55)),
    ] {
      pieces.update(chunk)
    }
    #expect(pieces.hexDigest() == SHA256.hex(long))
    let million = [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)
    var m = SHA256()
    million.withUnsafeBytes { m.update($0) }
    #expect(m.hexDigest() == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
  }
}
