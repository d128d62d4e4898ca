// Redaction of passwords from URLs, on the cases the URL fuzzer (Fuzz/FuzzURL) found.

import Testing

@testable import ShareData

@Suite struct SourceURLRedactionTests {
  /// D12: the password is cut whatever it holds and whatever surrounds it: `@` followed by a
  /// combining mark (one Swift Character, still an `@` to a URL parser), `//`, `@`, `:` or a line
  /// break in the password, no slashes after the scheme, no scheme at all.
  @Test(arguments: [
    "postgres://usps:s3cret-pw@\u{30B}host/db?table=t",
    "clickhouse://u:pa//s3cret-pw@host/db?table=t",
    "clickhouse://u:pa@s3cret-pw@host/db?table=t",
    "clickhouse://u:pa:s3cret-pw@host/db?table=t",
    "clickhouse:/u:s3cret-pw@host/db?table=t",
    "houxr:s3cret-pw@!28se://p@hu:x@h:6246",
    "u\u{1}:s3cret-pw@loat//1",
    "user:s3cret-pw@host",
  ])
  func passwordsAreCut(_ url: String) {
    #expect(!SourceURL.redacted(url).contains("s3cret-pw"), "\(SourceURL.redacted(url))")
    if SourceURL.isURL(url) {
      #expect(!SourceURL.redactingURLs(in: "error: \(url) failed\nsecond line").contains("s3cret-pw"))
    }
    do {
      _ = try SourceURL(url, environment: [:])
    } catch {
      #expect(!"\(error)".contains("s3cret-pw"), "\(error)")
    }
  }

  /// D12: a password with `/` (or `?`, `#`, `@`) unencoded is read as the password.
  @Test func unencodedPasswordCharactersAreThePassword() throws {
    let url = try SourceURL("clickhouse://u:pa/ss?w#r@d@127.0.0.1:8123/default?table=trades", environment: [:])
    #expect(url.password == "pa/ss?w#r@d")
    #expect(url.host == "127.0.0.1" && url.database == "default" && url.table == "trades")
  }

  /// D12: the two inputs Fuzz/FuzzURL found (base64 `r8yF0IWF0IXQLy8vei8v` and `BM2X5A==`): a
  /// combining mark and invalid UTF-8 right after the scheme's slash. Built as the fuzzer builds
  /// its URL: scheme `clickhouse:/`, the bytes decoded as UTF-8, then `:` + password + `@`.
  @Test(arguments: [
    [0xCC, 0x85, 0xD0, 0x85, 0x85, 0xD0, 0x85, 0xD0, 0x2F, 0x2F, 0x2F, 0x7A, 0x2F, 0x2F] as [UInt8],
    [0xCD, 0x97, 0xE4],
  ])
  func passwordsAreCutAfterACombiningMarkAndInvalidUTF8(_ bytes: [UInt8]) {
    let url = "clickhouse:/" + String(decoding: bytes, as: UTF8.self) + ":Q7ZXsecret@"
    #expect(!SourceURL.redacted(url).contains("Q7ZX"), "\(SourceURL.redacted(url).debugDescription)")
    let scrubbed = SourceURL.redactingURLs(in: "error: " + url + " failed")
    #expect(!scrubbed.contains("Q7ZX"), "\(scrubbed.debugDescription)")
  }

  /// D12: a URL that ends in a CRLF line end, and a second URL on the next line, are both cut.
  @Test func passwordsAreCutOnEveryLineWhateverItsEnd() {
    let message = "error: clickhouse://u:s3cret-pw@host/db\r\nalso postgres://v:0ther-pw@h/db?table=t\n"
    let scrubbed = SourceURL.redactingURLs(in: message)
    #expect(!scrubbed.contains("s3cret-pw") && !scrubbed.contains("0ther-pw"), "\(scrubbed.debugDescription)")
    #expect(scrubbed == "error: clickhouse://u:***@host/db\r\nalso postgres://v:***@h/db?table=t\n")
    #expect(SourceURL.redactingURLs(in: "no URL here: 12:/x, a@b") == "no URL here: 12:/x, a@b")
  }
}
