/*
 * The PNG encoder of the charts.  cairo's own writer goes through
 * libpng's adaptive filters at full compression, which costs most of
 * render's time; charts are flat colour, so the "sub" filter and a fast
 * deflate level give files nearly as small many times faster.  The file
 * is one IHDR, one IDAT and IEND: nothing that varies between runs.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <zlib.h>

#include "err.h"
#include "png.h"

/* Append a PNG chunk: length, type, data, CRC of type and data. */
static void
png_chunk(struct out_file *f, const char *type, const unsigned char *data,
	  size_t len)
{
	unsigned char be[4] = { len >> 24, len >> 16, len >> 8, len };
	uLong crc = crc32(0, (const Bytef *)type, 4);

	if (len)	/* crc32 with a NULL buffer restarts at 0 */
		crc = crc32(crc, data, len);
	out_write(f, be, 4);
	out_write(f, type, 4);
	out_write(f, data, len);
	be[0] = crc >> 24;
	be[1] = crc >> 16;
	be[2] = crc >> 8;
	be[3] = crc;
	out_write(f, be, 4);
}

int
png_write(cairo_surface_t *sf, struct out_file *f)
{
	static const unsigned char sig[8] = { 0x89, 'P', 'N', 'G', '\r',
					      '\n', 0x1a, '\n' };
	int w = cairo_image_surface_get_width(sf);
	int h = cairo_image_surface_get_height(sf);
	int stride = cairo_image_surface_get_stride(sf), x, y, rc = 0;
	const unsigned char *px;
	unsigned char ihdr[13] = { w >> 24, w >> 16, w >> 8, w, h >> 24,
				   h >> 16, h >> 8, h, 8, 2, 0, 0, 0 };
	size_t rowlen = 1 + 3 * (size_t)w;
	unsigned char *row = xmalloc(rowlen), *buf;
	uLong cap;
	z_stream z;

	cairo_surface_flush(sf);
	px = cairo_image_surface_get_data(sf);
	memset(&z, 0, sizeof z);
	if (deflateInit(&z, 3) != Z_OK) {
		free(row);
		return -1;
	}
	cap = deflateBound(&z, rowlen * h);
	buf = xmalloc(cap);
	z.next_out = buf;
	z.avail_out = cap;
	for (y = 0; y < h && rc == 0; y++) {
		const uint32_t *p = (const uint32_t *)(px + (size_t)y * stride);
		unsigned char pr = 0, pg = 0, pb = 0;

		row[0] = 1;	/* sub: each byte minus the one to its left */
		for (x = 0; x < w; x++) {
			unsigned char r = p[x] >> 16, g = p[x] >> 8, b = p[x];

			row[1 + 3 * x] = r - pr;
			row[2 + 3 * x] = g - pg;
			row[3 + 3 * x] = b - pb;
			pr = r;
			pg = g;
			pb = b;
		}
		z.next_in = row;
		z.avail_in = rowlen;
		if (deflate(&z, y == h - 1 ? Z_FINISH : Z_NO_FLUSH) ==
		    Z_STREAM_ERROR)
			rc = -1;
	}
	if (rc == 0 && z.avail_in != 0)
		rc = -1;
	if (rc == 0) {
		out_write(f, sig, sizeof sig);
		png_chunk(f, "IHDR", ihdr, sizeof ihdr);
		png_chunk(f, "IDAT", buf, z.total_out);
		png_chunk(f, "IEND", NULL, 0);
	}
	deflateEnd(&z);
	free(buf);
	free(row);
	return rc || f->failed ? -1 : 0;
}
