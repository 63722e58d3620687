/* The 2025 reorganisation table of src/record/provinces.c against its
 * specification, docs/provinces-2025.md: every unit the document lists as
 * unchanged maps to itself, and every row of its merger table ("| Unit
 * (province) | Old, Old |") names a unit of that kind which each of the
 * old units maps to. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fsutil.h"
#include "provinces.h"
#include "unit.h"
#include "xalloc.h"

/* The unit "name" maps to is the one called "want", of kind "kind"
 * (LOC_NONE: any). */
static void
maps_to(const char *name, const char *want, enum locality_kind kind, const char *check)
{
	int u = province_lookup(name);
	if (u >= 0 && !strcmp(province_units[u].name, want) &&
	    (kind == LOC_NONE || province_units[u].kind == kind)) {
		printf("ok %s\n", check);
		return;
	}
	printf("FAIL %s: '%s' maps to '%s', the document says '%s'\n", check, name,
	       u < 0 ? "(none)" : province_units[u].name, want);
	unit_failed++;
}

/* Each of the comma-separated names in [s, end) maps to "unit". */
static size_t
each_maps_to(const char *s, const char *end, const char *unit, enum locality_kind kind)
{
	size_t n = 0;
	while (s < end) {
		const char *comma = memchr(s, ',', (size_t)(end - s));
		const char *stop = comma ? comma : end;
		while (s < stop && *s == ' ')
			s++;
		const char *e = stop;
		while (e > s && e[-1] == ' ')
			e--;
		if (e > s) {
			char *name = xstrndup(s, (size_t)(e - s));
			/* "Huế (formerly Thừa Thiên Huế)": the unit is the name before " (" */
			char *paren = strstr(name, " (");
			if (paren)
				*paren = '\0';
			char check[256];
			snprintf(check, sizeof check, "provinces-doc/%s-is-%s", name,
			         unit ? unit : name);
			maps_to(name, unit ? unit : name, kind, check);
			free(name);
			n++;
		}
		s = stop + (comma != NULL);
	}
	return n;
}

int
main(void)
{
	char *doc = unit_read_top("docs/provinces-2025.md");
	if (!doc)
		return 0;

	size_t unchanged = 0, rows = 0, olds = 0;
	/* The "Unchanged (11): A, B, …." paragraph, up to its blank line, as
	 * one line. */
	static const char pre[] = "Unchanged (11): ";
	char *para = strstr(doc, pre);
	if (para) {
		char *stop = strstr(para, "\n\n");
		stop = stop ? stop : para + strlen(para);
		for (char *c = para; c < stop; c++)
			if (*c == '\n')
				*c = ' ';
		if (stop > para && stop[-1] == '.')
			stop--;
		unchanged = each_maps_to(para + sizeof pre - 1, stop, NULL, LOC_NONE);
	}
	for (char *line = doc; line && *line;) {
		char *nl = strchr(line, '\n');
		if (nl)
			*nl = '\0';
		char *end = line + strlen(line);
		if (line[0] == '|' && line[1] == ' ' && strstr(line, " | ") &&
		    (strstr(line, " (province) |") || strstr(line, " (city) |"))) {
			/* | Unit (kind) | Old, Old | */
			char *kind_at = strstr(line, " (");
			enum locality_kind kind =
			    !strncmp(kind_at, " (city)", 7) ? LOC_CITY : LOC_PROVINCE;
			char *unit = xstrndup(line + 2, (size_t)(kind_at - line - 2));
			char *from = strstr(kind_at, " | ") + 3;
			char *stop = end;
			while (stop > from && (stop[-1] == '|' || stop[-1] == ' '))
				stop--;
			maps_to(unit, unit, kind, "provinces-doc/unit-is-itself");
			olds += each_maps_to(from, stop, unit, kind);
			free(unit);
			rows++;
		}
		line = nl ? nl + 1 : NULL;
	}
	INT_EQ(unchanged, 11, "provinces-doc/eleven-unchanged");
	INT_EQ(rows, 23, "provinces-doc/twenty-three-merged");
	INT_EQ(olds, 52, "provinces-doc/fifty-two-former-units");
	free(doc);
	return 0;
}
