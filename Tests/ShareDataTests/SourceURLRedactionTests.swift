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
}
