// A report as a renderer-neutral document: headline sentences, then sections of paragraphs,
// tables and charts. The text, markdown and HTML renderers draw the same document.

public struct ReportDocument: Sendable {
  public struct Section: Sendable {
    public var heading: String
    public var paragraphs: [String] = []
    public var tables: [TableModel] = []
    /// Charts, each with a short name used for the SVG file written beside a markdown report.
    public var charts: [(name: String, spec: ChartSpec)] = []
    /// Small print under the section.
    public var notes: [String] = []

    public init(heading: String) {
      self.heading = heading
    }
  }

  public var title: String
  public var headlines: [String]
  public var sections: [Section]

  public init(title: String, headlines: [String], sections: [Section]) {
    self.title = title
    self.headlines = headlines
    self.sections = sections
  }
}
