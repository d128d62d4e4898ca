// What was done to the shares a statistic was computed from (equal weighting, smoothing, a top-N
// fold: `Charts.transformations`), in the machine outputs of trend, breaks and effect, as their text
// and charts say it: a `transformations` member at the end of the JSON object and a
// `transformations` column at the end of every CSV row. Both appear only when there is something to
// say, so outputs of plain volume-weighted shares are unchanged.

public enum Transformations {
  public static func jsonMembers(_ notes: [String]) -> [(String, JSONValue)] {
    notes.isEmpty ? [] : [("transformations", .array(notes.map(JSONValue.string)))]
  }

  public static func csvColumns(_ notes: [String]) -> [(name: String, value: String)] {
    notes.isEmpty ? [] : [(name: "transformations", value: notes.joined(separator: " "))]
  }
}
