// --format png: the SVG drawn by librsvg into a PNG, in process.

import ShareData
import ShareReport
import Testing

@Suite struct PNGRendererTests {
  @Test func thePNGRendererDrawsAChartAndRefusesWhatIsNotSVG() throws {
    let png = try PNGRenderer.render(svg: SVGRenderer().render(SampleCharts.stacked))
    #expect(Array(png.prefix(4)) == [0x89, 0x50, 0x4E, 0x47])
    #expect(png.count > 5_000)
    #expect(throws: ShareError.self) { try PNGRenderer.render(svg: "<svg") }
  }
}
