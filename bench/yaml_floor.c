/*
 * yaml_floor: the benchmark's floor.  Reads every file named on standard
 * input (one path a line) and runs libyaml's event loop over it, doing
 * nothing else: what any YAML-based checker must at least spend.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

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
		yaml_parser_t p;
		yaml_parser_initialize(&p);
		yaml_parser_set_input_string(&p, (unsigned char *)data, len);
		for (int done = 0; !done;) {
			yaml_event_t ev;
			if (!yaml_parser_parse(&p, &ev))
				break;
			done = ev.type == YAML_STREAM_END_EVENT;
			events++;
			yaml_event_delete(&ev);
		}
		yaml_parser_delete(&p);
		free(data);
		files++;
	}
	fprintf(stderr, "yaml_floor: %ld files, %ld events\n", files, events);
	return 0;
}
