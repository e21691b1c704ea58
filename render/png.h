#ifndef SHINDAN_RENDER_PNG_H
#define SHINDAN_RENDER_PNG_H
/*
 * Write cairo image surfaces as PNG files through out.h.
 */
#include <cairo.h>

#include "out.h"

/*
 * Write sf (a CAIRO_FORMAT_RGB24 image surface) to f as an 8-bit RGB
 * PNG.  Returns 0, or -1 when deflate or the write failed (f->failed);
 * the caller aborts or commits f.
 */
int png_write(cairo_surface_t *sf, struct out_file *f);
#endif
