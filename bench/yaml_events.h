/*
 * yaml_events.h: libyaml's event loop over one buffer, doing nothing
 * else: the floor of YAML parsing that bench/yaml_floor.c and
 * bench/report_floor.c measure.  Returns the number of events.
 */
#ifndef YAML_EVENTS_H
#define YAML_EVENTS_H

#include <yaml.h>

static long
yaml_events(const unsigned char *data, size_t len)
{
	long events = 0;
	yaml_parser_t p;
	yaml_parser_initialize(&p);
	yaml_parser_set_input_string(&p, data, len);
	for (int done = 0; !done;) {
		yaml_event_t ev;
		if (!yaml_parser_parse(&p, &ev))
			break;
		done = ev.type == YAML_STREAM_END_EVENT;
		events++;
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&p);
	return events;
}

#endif
