/*
 * Two jobs in one binary, like t-render-dbinit.  With PNG arguments it
 * decodes each one through cairo's own PNG reader (libpng underneath,
 * already a dependency of render) and prints "WIDTHxHEIGHT COLOURS", the
 * size and the number of distinct pixel values up to 1000, so a test can
 * tell a chart that decodes from one that decodes to a blank page.  It
 * exits 1 naming the first file that does not decode.  Without arguments
 * it is a unit test of that same decoding: a picture written by cairo
 * reads back the same, and a truncated or foreign file is refused.
 *
 * The shell tests used ImageMagick's convert for this, which no package
 * of scripts/install-deps brings: on a fresh machine the check was
 * silently skipped.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cairo.h>

#include "tap.h"

#define COLOURS_MAX 1000

/*
 * Decode path; on success set *w, *h and *colours (distinct ARGB values,
 * at most COLOURS_MAX) and return 0, else return -1 with cairo's reason
 * in *why.
 */
static int
png_decode(const char *path, int *w, int *h, int *colours, const char **why)
{
	cairo_surface_t *s = cairo_image_surface_create_from_png(path);
	uint32_t seen[COLOURS_MAX];
	const unsigned char *data;
	int n = 0, stride;

	if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) {
		*why = cairo_status_to_string(cairo_surface_status(s));
		cairo_surface_destroy(s);
		return -1;
	}
	*w = cairo_image_surface_get_width(s);
	*h = cairo_image_surface_get_height(s);
	data = cairo_image_surface_get_data(s);
	stride = cairo_image_surface_get_stride(s);
	for (int y = 0; y < *h && n < COLOURS_MAX; y++) {
		const uint32_t *row = (const uint32_t *)(data + (size_t)y * stride);
		for (int x = 0; x < *w && n < COLOURS_MAX; x++) {
			int k = 0;
			while (k < n && seen[k] != row[x])
				k++;
			if (k == n)
				seen[n++] = row[x];
		}
	}
	*colours = n;
	cairo_surface_destroy(s);
	return 0;
}

static int
decode_files(int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		int w, h, c;
		const char *why;

		if (png_decode(argv[i], &w, &h, &c, &why)) {
			fprintf(stderr, "t-pngcheck: %s: %s\n", argv[i], why);
			return 1;
		}
		printf("%dx%d %d\n", w, h, c);
	}
	return 0;
}

static void
write_file(const char *path, const void *buf, size_t len)
{
	FILE *f = fopen(path, "wb");

	if (!f || fwrite(buf, 1, len, f) != len || fclose(f)) {
		perror(path);
		exit(1);
	}
}

int
main(int argc, char **argv)
{
	char dir[] = "/tmp/t-pngcheck.XXXXXX", path[64], cut[64];
	int w = 0, h = 0, c = 0;
	const char *why = "";
	cairo_surface_t *s;
	cairo_t *cr;
	unsigned char buf[4096];
	size_t n;
	FILE *f;

	if (argc > 1)
		return decode_files(argc, argv);

	if (!mkdtemp(dir)) {
		perror("mkdtemp");
		return 1;
	}
	snprintf(path, sizeof(path), "%s/a.png", dir);
	snprintf(cut, sizeof(cut), "%s/cut.png", dir);

	s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 30, 20);
	cr = cairo_create(s);
	cairo_set_source_rgb(cr, 1, 1, 1);
	cairo_paint(cr);
	cairo_set_source_rgb(cr, 0, 0.45, 0.70);
	cairo_rectangle(cr, 0, 0, 10, 20);
	cairo_fill(cr);
	cairo_destroy(cr);
	cairo_surface_write_to_png(s, path);
	cairo_surface_destroy(s);

	TAP_OK(png_decode(path, &w, &h, &c, &why) == 0,
	       "a PNG written by cairo decodes");
	TAP_OK(w == 30 && h == 20, "its size reads back: %dx%d", w, h);
	TAP_INT(c, 2, "its two colours read back");

	f = fopen(path, "rb");
	n = f ? fread(buf, 1, sizeof(buf), f) : 0;
	if (f)
		fclose(f);
	write_file(cut, buf, n / 2);
	TAP_OK(png_decode(cut, &w, &h, &c, &why) == -1,
	       "a PNG cut in half is refused (%s)", why);
	write_file(cut, "GIF89a\0\0\0\0", 10);
	TAP_OK(png_decode(cut, &w, &h, &c, &why) == -1,
	       "a file that is not a PNG is refused (%s)", why);

	unlink(path);
	unlink(cut);
	rmdir(dir);
	return tap_done();
}
