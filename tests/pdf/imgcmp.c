/*
 * imgcmp: compares a rendered page with its reviewed reference image.
 * Usage: imgcmp REF.png GOT.png [DIFF.png]
 * Both are read as 8-bit grey.  Anti-aliasing noise is tolerated; what is
 * not is any 8x8 block whose summed difference exceeds that of six pixels
 * turned from white to black, which is less than one diacritic at 150 dpi.
 * Exits 0 when alike, 1 when they differ (DIFF.png shows where), 2 on error.
 */
#include <png.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define BLOCK 8
#define LIMIT (6 * 255)

static unsigned char *
load(const char *path, png_uint_32 *w, png_uint_32 *h)
{
	png_image im;
	memset(&im, 0, sizeof im);
	im.version = PNG_IMAGE_VERSION;
	if (!png_image_begin_read_from_file(&im, path)) {
		fprintf(stderr, "imgcmp: %s: %s\n", path, im.message);
		return NULL;
	}
	im.format = PNG_FORMAT_GRAY;
	unsigned char *px = malloc(PNG_IMAGE_SIZE(im));
	if (!px || !png_image_finish_read(&im, NULL, px, 0, NULL)) {
		fprintf(stderr, "imgcmp: %s: %s\n", path, im.message);
		free(px);
		return NULL;
	}
	*w = im.width;
	*h = im.height;
	return px;
}

int
main(int argc, char **argv)
{
	if (argc < 3) {
		fprintf(stderr, "usage: imgcmp REF.png GOT.png [DIFF.png]\n");
		return 2;
	}
	png_uint_32 w1, h1, w2, h2;
	unsigned char *a = load(argv[1], &w1, &h1), *b = load(argv[2], &w2, &h2);
	if (!a || !b)
		return 2;
	if (w1 != w2 || h1 != h2) {
		printf("size %ux%u, reference %ux%u\n", (unsigned)w2, (unsigned)h2, (unsigned)w1,
		       (unsigned)h1);
		return 1;
	}
	unsigned long bad = 0, worst = 0, wx = 0, wy = 0;
	unsigned char *diff = calloc((size_t)w1 * h1, 1);
	for (png_uint_32 by = 0; by < h1; by += BLOCK)
		for (png_uint_32 bx = 0; bx < w1; bx += BLOCK) {
			unsigned long sum = 0;
			for (png_uint_32 y = by; y < by + BLOCK && y < h1; y++)
				for (png_uint_32 x = bx; x < bx + BLOCK && x < w1; x++) {
					int d = a[y * w1 + x] - b[y * w1 + x];
					sum += (unsigned long)(d < 0 ? -d : d);
				}
			if (sum > worst) {
				worst = sum;
				wx = bx;
				wy = by;
			}
			if (sum > LIMIT) {
				bad++;
				for (png_uint_32 y = by; y < by + BLOCK && y < h1; y++)
					for (png_uint_32 x = bx; x < bx + BLOCK && x < w1; x++)
						diff[y * w1 + x] = 255;
			}
		}
	if (bad && argc > 3) {
		png_image out;
		memset(&out, 0, sizeof out);
		out.version = PNG_IMAGE_VERSION;
		out.width = w1;
		out.height = h1;
		out.format = PNG_FORMAT_GRAY;
		for (size_t i = 0; i < (size_t)w1 * h1; i++) /* the page, faint, differences dark */
			diff[i] = diff[i] ? 0 : (unsigned char)(200 + b[i] / 5);
		png_image_write_to_file(&out, argv[3], 0, diff, 0, NULL);
	}
	if (bad)
		printf("%lu blocks differ; worst at x=%lu y=%lu (%lu)\n", bad, wx, wy, worst);
	free(a);
	free(b);
	free(diff);
	return bad ? 1 : 0;
}
