// librsvg and cairo for --format png: only Sources/ShareReport/Render/PNG/PNGRenderer.swift sees them.
//
// librsvg's own header pulls in glib, gio and gdk-pixbuf, whose pkg-config flags carry -pthread,
// which SwiftPM refuses with a warning on every build. So the five librsvg/glib functions used
// are declared here from librsvg 2.52+'s stable C API (rsvg.h, gerror.h), and cairo's header,
// which needs no flags, is included as it is. librsvg2-dev (scripts/setup.sh) provides the
// libraries and pulls in cairo's and glib's.
#ifndef SHARELENS_CRSVG_SHIM_H
#define SHARELENS_CRSVG_SHIM_H
#include <cairo/cairo.h>

/// GLib's error record (gerror.h): domain (a GQuark, guint32), code, message.
typedef struct _GError {
  unsigned int domain;
  int code;
  char *message;
} GError;

void g_error_free(GError *error);
void g_object_unref(void *object);

typedef struct _RsvgHandle RsvgHandle;

/// The area an SVG is drawn into, in cairo's user space (rsvg.h).
typedef struct _RsvgRectangle {
  double x;
  double y;
  double width;
  double height;
} RsvgRectangle;

RsvgHandle *rsvg_handle_new_from_data(const unsigned char *data, unsigned long data_len, GError **error);
int rsvg_handle_get_intrinsic_size_in_pixels(RsvgHandle *handle, double *out_width, double *out_height);
int rsvg_handle_render_document(
    RsvgHandle *handle, cairo_t *cr, const RsvgRectangle *viewport, GError **error);
#endif
