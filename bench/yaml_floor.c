/*
 * yaml_floor: the benchmark's floor.  Reads every file named on standard
 * input (one path a line) and runs libyaml's event loop over it, doing
 * nothing else: what any YAML-based checker must at least spend.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "yaml_events.h"

int
main(void)
{
	char path[4096];
	long files = 0, events = 0;
	while (fgets(path, sizeof path, stdin)) {
		path[strcspn(path, "\n")] = '\0';
		FILE *f = fopen(path, "rb");
		if (!f) {
			perror(path);
			return 2;
		}
		char *data = NULL;
		size_t len = 0, cap = 0, r;
		do {
			if (cap - len < 65536)
				data = realloc(data, cap = cap * 2 + 65536);
			if (!data)
				return 2;
			r = fread(data + len, 1, cap - len, f);
			len += r;
		} while (r > 0);
		fclose(f);
		events += yaml_events((unsigned char *)data, len);
		free(data);
		files++;
	}
	fprintf(stderr, "yaml_floor: %ld files, %ld events\n", files, events);
	return 0;
}
