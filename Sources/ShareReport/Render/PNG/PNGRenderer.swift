// A chart as PNG: the SVG renderer's output drawn by librsvg (the renderer the SVG tests already
// check against) onto a white cairo image at the SVG's own size, encoded by cairo. The only file
// that sees librsvg and cairo; no C pointer leaves it, and every failure is a thrown ShareError.

import CRsvg
import ShareData

public enum PNGRenderer {
  /// The PNG bytes of `svg`, `scale` pixels per SVG pixel.
  public static func render(svg: String, scale: Double = 1) throws -> [UInt8] {
    let bytes = Array(svg.utf8)
    var error: UnsafeMutablePointer<GError>? = nil
    guard
      let handle = bytes.withUnsafeBufferPointer({ rsvg_handle_new_from_data($0.baseAddress, UInt($0.count), &error) })
    else { throw failure("librsvg cannot read the SVG", error) }
    defer { g_object_unref(UnsafeMutableRawPointer(handle)) }
    var width = 0.0
    var height = 0.0
    guard rsvg_handle_get_intrinsic_size_in_pixels(handle, &width, &height) != 0, width > 0, height > 0 else {
      throw ShareError(.ioFailed, "the SVG has no size in pixels")
    }
    let (pixelWidth, pixelHeight) = (Int32((width * scale).rounded(.up)), Int32((height * scale).rounded(.up)))
    guard let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, pixelWidth, pixelHeight) else {
      throw ShareError(.ioFailed, "cannot make a \(pixelWidth)×\(pixelHeight) image")
    }
    defer { cairo_surface_destroy(surface) }
    let context = cairo_create(surface)
    defer { cairo_destroy(context) }
    cairo_set_source_rgb(context, 1, 1, 1)
    cairo_paint(context)
    var viewport = RsvgRectangle(x: 0, y: 0, width: Double(pixelWidth), height: Double(pixelHeight))
    guard rsvg_handle_render_document(handle, context, &viewport, &error) != 0 else {
      throw failure("librsvg cannot draw the SVG", error)
    }
    cairo_surface_flush(surface)
    let sink = PNGSink()
    let status = cairo_surface_write_to_png_stream(
      surface,
      { closure, data, length in
        guard let closure, let data else { return CAIRO_STATUS_WRITE_ERROR }
        let sink = Unmanaged<PNGSink>.fromOpaque(closure).takeUnretainedValue()
        sink.bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
        return CAIRO_STATUS_SUCCESS
      }, Unmanaged.passUnretained(sink).toOpaque())
    guard status == CAIRO_STATUS_SUCCESS else {
      throw ShareError(
        .ioFailed, Phrase("cairo cannot encode the PNG: \(String(cString: cairo_status_to_string(status)))"))
    }
    return sink.bytes
  }

  /// A GError as a ShareError, freeing it.
  private static func failure(_ what: String, _ error: UnsafeMutablePointer<GError>?) -> ShareError {
    defer { if let error { g_error_free(error) } }
    let reason = error.flatMap { $0.pointee.message.map { String(cString: $0) } } ?? "unknown error"
    return ShareError(.ioFailed, Phrase("\(what): \(reason)"))
  }
}

/// Collects cairo's PNG output (its write callback gets this as an opaque pointer).
private final class PNGSink {
  var bytes: [UInt8] = []
}
