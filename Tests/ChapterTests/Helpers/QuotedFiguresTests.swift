import LookupTiming
import Testing

@testable import chapter_hash_tables

@Suite("chapter-hash-tables: the companion README's quoted figures")
struct QuotedFiguresTests {
  @Test("the quoted linear search equals 15,000 titles × the quoted hash lookup")
  func quotedRelation() {
    let product =
      Double(NetflixProjection.titleCount) * NetflixProjection.quotedHashLookupSeconds
    #expect(abs(product - NetflixProjection.quotedLinearSearchSeconds) <= 1e-12)
    #expect(
      NetflixProjection.quotedLinearSearchSeconds / NetflixProjection.quotedHashLookupSeconds
        == NetflixProjection.quotedSpeedup)
  }
}
