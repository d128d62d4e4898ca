// What the gap policy did, said once per bucket: which categories lack days inside their span there
// and how the shares treat it, and which buckets have no data at all. A share that counts missing
// days as zero looks exact, so the warning names the categories and their day coverage.

import ShareData

extension Shares {
  static func gapWarnings(_ buckets: [BucketShares], table: VolumeTable, every: Every, policy: GapPolicy)
    -> [Warning]
  {
    buckets.compactMap { bucket in
      let label = every.label(start: bucket.startDay)
      guard bucket.total != nil || bucket.observed > 0 else {
        return Warning(.other, "bucket \(label) has no data: its values are null")
      }
      // Only gaps that differ between categories can bias a share (a day no category has is no
      // bias); such a day lowers the day coverage of a category observed in the bucket, which the
      // warning names (none named, nothing to say).
      guard bucket.misalignedDays > 0 else { return nil }
      let short = table.categories.indices.compactMap { c -> String? in
        guard bucket.states[c] == .observed, let coverage = bucket.dayCoverage[c], coverage < 1 else { return nil }
        return "\(table.categories[c]) \(percent(coverage))"
      }
      guard !short.isEmpty else { return nil }
      let list = short.joined(separator: ", ")
      let what: String
      switch policy {
      case .align:
        let left = bucket.daysLeftOut ?? 0
        what = "its shares use only the days on which every category has data (\(left) left out)"
      case .scale: what = "each of their volumes is scaled up by 1 / day coverage"
      case .ignore: what = "their missing days count as zero volume"
      }
      return Warning(.other, "bucket \(label): day coverage below 100% (\(list)): \(what)")
    }
  }

  private static func percent(_ fraction: Double) -> String {
    let value = (fraction * 1000).rounded() / 10
    return "\(value)%"
  }
}
