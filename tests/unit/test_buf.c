/*
 * Unit tests of buf.c: buf_printf appends what snprintf writes, whether
 * it fits the room left or the buffer must grow (an empty buffer, one
 * nearly full, a piece longer than any room), and writes nothing for an
 * empty result; buf_put_ull, buf_put_ll and buf_put_hex64 write what
 * %llu, %lld and %016llx write, at the ends of their ranges too.
 */
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "unit.h"

static int
printf_grows(size_t before, size_t piece)
{
	struct buf b = BUF_INIT;
	char want[8192], arg[3000];
	memset(arg, 'x', piece);
	arg[piece] = '\0';
	for (size_t i = 0; i < before; i++)
		buf_putc(&b, 'a' + (char)(i % 26));
	snprintf(want, sizeof want, "%.*s", (int)before, b.data ? b.data : "");
	size_t n = strlen(want);
	snprintf(want + n, sizeof want - n, "<%s|%d>", arg, (int)piece);
	buf_printf(&b, "<%s|%d>", arg, (int)piece);
	int ok = b.len == strlen(want) && !strcmp(buf_cstr(&b), want);
	buf_free(&b);
	return ok;
}

int
main(void)
{
	int all = 1;
	const size_t sizes[] = {0, 1, 50, 61, 62, 63, 64, 65, 127, 128, 1000, 2999};
	for (size_t i = 0; i < sizeof sizes / sizeof *sizes; i++)
		for (size_t j = 0; j < sizeof sizes / sizeof *sizes; j++)
			all &= printf_grows(sizes[i], sizes[j]);
	OK(all, "buf/printf-into-room-or-grown");

	struct buf b = BUF_INIT;
	buf_puts(&b, "kept");
	buf_printf(&b, "%s", "");
	OK(b.len == 4 && !strcmp(buf_cstr(&b), "kept"), "buf/printf-nothing-appends-nothing");
	buf_free(&b);

	const unsigned long long u[] = {0, 1, 9, 10, 99, 100, 12345678901234ULL, ULLONG_MAX};
	const long long s[] = {0, -1, 7, -10, LLONG_MAX, LLONG_MIN, 1700000000123456789LL};
	char want[4096];
	size_t n = 0;
	for (size_t i = 0; i < sizeof u / sizeof *u; i++) {
		buf_put_ull(&b, u[i]);
		buf_putc(&b, ' ');
		buf_put_hex64(&b, (uint64_t)u[i]);
		buf_putc(&b, ' ');
		n += (size_t)snprintf(want + n, sizeof want - n, "%llu %016llx ", u[i], u[i]);
	}
	for (size_t i = 0; i < sizeof s / sizeof *s; i++) {
		buf_put_ll(&b, s[i]);
		buf_putc(&b, ' ');
		n += (size_t)snprintf(want + n, sizeof want - n, "%lld ", s[i]);
	}
	OK(!strcmp(buf_cstr(&b), want), "buf/numbers-as-printf-writes-them");
	buf_free(&b);
	return unit_failed != 0;
}
