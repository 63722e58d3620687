/*
 * yamlload: runs the YAML loader alone on files, for the yaml-suite and
 * pathological suites and the benchmark.  Prints each finding in the
 * check output format, then one status line per file; optionally writes
 * the loaded tree as JSON (YAML 1.2 core schema types) to compare with
 * the YAML test suite's in.json.
 *
 * usage: yamlload [-l vi|en] [-j OUT.json] [-q] [-s] [-m FILE,SCALAR,DEPTH,NODES,ALIASES] FILE...
 *   -j  write the tree of the (single) file as JSON to OUT.json (empty for
 *       an empty stream, not written when a key is a collection)
 *   -q  print nothing but the status lines
 *   -s  add the arena size to the status line
 *   -m  limits (0 keeps a default)
 * Status line: "= FILE clean|loaded|rejected [arena N]": clean = a tree
 * and no error finding, loaded = a tree with error findings, rejected = no
 * tree.  Exit: 0 all clean, 1 otherwise, 2 usage or I/O error.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "load.h"

static int
is_int(const char *s)
{
	if (*s == '-' || *s == '+')
		s++;
	if (!strncmp(s, "0o", 2) || !strncmp(s, "0x", 2))
		return 0; /* JSON has no such numbers; print as decimal below */
	if (!*s)
		return 0;
	for (; *s; s++)
		if (*s < '0' || *s > '9')
			return 0;
	return 1;
}

static int
is_float(const char *s)
{
	const char *p = s;
	int digits = 0;
	if (*p == '-' || *p == '+')
		p++;
	while (*p >= '0' && *p <= '9')
		p++, digits++;
	if (*p == '.')
		for (p++; *p >= '0' && *p <= '9'; p++)
			digits++;
	if (!digits)
		return 0;
	if (*p == 'e' || *p == 'E') {
		p++;
		if (*p == '-' || *p == '+')
			p++;
		if (*p < '0' || *p > '9')
			return 0;
		while (*p >= '0' && *p <= '9')
			p++;
	}
	return !*p;
}

static void
json_str(struct buf *b, const char *s, size_t n)
{
	buf_putc(b, '"');
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == '"' || c == '\\')
			buf_printf(b, "\\%c", c);
		else if (c < 0x20)
			buf_printf(b, "\\u%04x", c);
		else
			buf_putc(b, c);
	}
	buf_putc(b, '"');
}

/* A scalar by the core schema, unless its tag says otherwise. */
static void
json_scalar(struct buf *b, const struct node *n)
{
	const char *t = n->tag ? n->tag : "";
	const char *s = n->str;
	int plain = n->plain;
	if (!strcmp(t, "tag:yaml.org,2002:str") || !strcmp(t, "!")) {
		json_str(b, s, n->len);
		return;
	}
	int typed = !strncmp(t, "tag:yaml.org,2002:", 18);
	if ((plain || typed) && (node_is_null(n) || !strcmp(t, "tag:yaml.org,2002:null")))
		buf_puts(b, "null");
	else if ((plain || typed) &&
	         (!strcmp(s, "true") || !strcmp(s, "True") || !strcmp(s, "TRUE")))
		buf_puts(b, "true");
	else if ((plain || typed) &&
	         (!strcmp(s, "false") || !strcmp(s, "False") || !strcmp(s, "FALSE")))
		buf_puts(b, "false");
	else if ((plain || typed) && is_int(s))
		buf_puts(b, s[0] == '+' ? s + 1 : s);
	else if ((plain || typed) && (!strncmp(s, "0x", 2) || !strncmp(s, "0o", 2)) && s[2])
		buf_printf(b, "%lld", strtoll(s + 2, NULL, s[1] == 'x' ? 16 : 8));
	else if ((plain || typed) && is_float(s))
		buf_printf(b, "%s%s%s",
		           s[0] == '.'                  ? "0"
		           : s[0] == '-' && s[1] == '.' ? "-0"
		                                        : "",
		           s[0] == '-' && s[1] == '.' ? s + 1
		           : s[0] == '+'              ? s + 1
		                                      : s,
		           s[strlen(s) - 1] == '.' ? "0" : "");
	else
		json_str(b, s, n->len);
}

/* 0 when the tree has something JSON cannot say (a collection as a key). */
static int
json_node(struct buf *b, const struct node *n)
{
	size_t i;
	switch (n->kind) {
	case NODE_SCALAR: json_scalar(b, n); return 1;
	case NODE_SEQ:
		buf_putc(b, '[');
		for (i = 0; i < n->len; i++) {
			if (i)
				buf_putc(b, ',');
			if (!json_node(b, n->items[i]))
				return 0;
		}
		buf_putc(b, ']');
		return 1;
	case NODE_MAP:
		buf_putc(b, '{');
		for (i = 0; i < n->len; i++) {
			const struct node *k = n->pairs[i].key;
			if (k->kind != NODE_SCALAR)
				return 0;
			if (i)
				buf_putc(b, ',');
			json_str(b, node_is_null(k) ? "" : k->str, node_is_null(k) ? 0 : k->len);
			buf_putc(b, ':');
			if (!json_node(b, n->pairs[i].value))
				return 0;
		}
		buf_putc(b, '}');
		return 1;
	}
	return 0;
}

static int
parse_limits(const char *s, struct load_limits *lim)
{
	unsigned long long v[5] = {0};
	if (sscanf(s, "%llu,%llu,%llu,%llu,%llu", &v[0], &v[1], &v[2], &v[3], &v[4]) != 5)
		return 0;
	if (v[0])
		lim->max_file = v[0];
	if (v[1])
		lim->max_scalar = v[1];
	if (v[2])
		lim->max_depth = (unsigned)v[2];
	if (v[3])
		lim->max_nodes = v[3];
	if (v[4])
		lim->max_aliases = v[4];
	return 1;
}

int
main(int argc, char **argv)
{
	struct load_limits lim;
	load_limits_default(&lim);
	enum lang lang = LANG_EN;
	const char *json = NULL;
	int quiet = 0, stats = 0, c, rc = 0;
	while ((c = getopt(argc, argv, "l:j:qsm:")) != -1) {
		switch (c) {
		case 'l': lang = !strcmp(optarg, "vi") ? LANG_VI : LANG_EN; break;
		case 'j': json = optarg; break;
		case 'q': quiet = 1; break;
		case 's': stats = 1; break;
		case 'm':
			if (!parse_limits(optarg, &lim)) {
				fprintf(stderr, "yamlload: bad -m %s\n", optarg);
				return 2;
			}
			break;
		default:
			fputs("usage: yamlload [-l vi|en] [-j OUT.json] [-q] [-s] [-m LIMITS] "
			      "FILE...\n",
			      stderr);
			return 2;
		}
	}
	for (int i = optind; i < argc; i++) {
		struct diags dq = DIAGS_INIT;
		char *err = NULL;
		struct doc *d = load_file(argv[i], &lim, lang, &dq, &err);
		if (err) {
			fprintf(stderr, "yamlload: %s: %s\n", argv[i], err);
			free(err);
			diags_free(&dq);
			rc = 2;
			continue;
		}
		for (size_t k = 0; k < dq.n && !quiet; k++)
			printf("%s:%u:%u: %s: %s [%s]\n", dq.v[k].file, dq.v[k].mark.line,
			       dq.v[k].mark.col, sev_name(dq.v[k].sev), dq.v[k].msg, dq.v[k].rule);
		int errors = (int)diags_count(&dq, SEV_ERROR);
		const char *status = !d ? "rejected" : errors ? "loaded" : "clean";
		printf("= %s %s", argv[i], status);
		if (stats)
			printf(" arena %zu", d ? arena_bytes(d->arena) : (size_t)0);
		putchar('\n');
		if (strcmp(status, "clean") && rc < 1)
			rc = 1;
		/* An empty stream is an empty file; a tree JSON cannot hold, none. */
		if (d && json) {
			struct buf b = BUF_INIT;
			if (!d->root || json_node(&b, d->root)) {
				FILE *f = fopen(json, "w");
				if (!f || fputs(buf_cstr(&b), f) == EOF || fclose(f) == EOF) {
					fprintf(stderr, "yamlload: cannot write %s\n", json);
					rc = 2;
				}
			}
			buf_free(&b);
		}
		doc_free(d);
		diags_free(&dq);
	}
	return rc;
}
