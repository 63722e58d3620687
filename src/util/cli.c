/*
 * cli.c: the option parsing of every command (cli.h): a getopt_long table
 * made from the command's data, the common options set here, and usage
 * errors in the run's language.
 */
#include "cli.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "escape.h"
#include "fsutil.h"
#include "par.h"
#include "xalloc.h"

enum lang
cli_prescan_lang(int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--"))
			break;
		const char *v = NULL;
		if (!strcmp(argv[i], "--lang") && i + 1 < argc)
			v = argv[i + 1];
		else if (!strncmp(argv[i], "--lang=", 7))
			v = argv[i] + 7;
		if (v && !strcmp(v, "en"))
			return LANG_EN;
		if (v && !strcmp(v, "vi"))
			return LANG_VI;
	}
	return LANG_VI;
}

void
cli_put_usage(FILE *f, enum lang lang, const char *text)
{
	static const char head[] = "usage: ";
	size_t n = strlen(head);
	if (lang == LANG_VI && !strncmp(text, head, n)) {
		/* its own line, so that the lines under it stay aligned */
		fputs("Cách dùng:\n       ", f);
		text += n;
	}
	fputs(text, f);
}

/* The command's usage, and its note in the run's language. */
static void
cli_usage(const struct cli *c, FILE *f)
{
	cli_put_usage(f, c->lang, c->usage);
	if (c->usage_en)
		fputs(L(c->lang, c->usage_vi, c->usage_en), f);
}

int
cli_error(const struct cli *c, const char *vi, const char *en, const char *arg)
{
	fprintf(stderr, "debrief %s: ", c->cmd);
	fprintf(stderr, L(c->lang, vi, en), arg);
	fputc('\n', stderr);
	cli_usage(c, stderr);
	return EXIT_USAGE;
}

int
cli_paths(const struct cli *c, int argc)
{
	if (c->next < argc)
		return -1;
	return cli_error(c, "cần ít nhất một đường dẫn (tệp, thư mục hoặc -)",
	                 "at least one PATH is needed (file, directory or -)", NULL);
}

int
cli_files(const struct cli *c, int argc, char **argv, struct strlist *files,
          struct fs_unread *unread)
{
	struct strlist errs = {0};
	int failed = fs_expand(argv + c->next, argc - c->next, files, &errs, unread);
	for (size_t i = 0; i < errs.n; i++)
		escape_eprintf("debrief: %s\n", errs.v[i]);
	strlist_free(&errs);
	return failed;
}

int
cli_today(const struct cli *c, struct date *today)
{
	const char *err = NULL;
	if (date_today(c->today, c->lang, today, &err))
		return 1;
	/* the value given is quoted, as a value any option does not take is */
	if (c->today)
		escape_eprintf(
		    L(c->lang, "debrief %s: %s (đã ghi '%s')\n", "debrief %s: %s (given '%s')\n"),
		    c->cmd, err, c->today);
	else
		fprintf(stderr, "debrief %s: %s\n", c->cmd, err);
	return 0;
}

void
cli_warn_undated(const struct cli *c)
{
	if (date_source_epoch_bad())
		fprintf(stderr, "debrief %s: %s\n", c->cmd,
		        L(c->lang,
		          "SOURCE_DATE_EPOCH không phải là một số giây: tệp PDF không ghi ngày tạo",
		          "SOURCE_DATE_EPOCH is not a number of seconds: PDF files are written "
		          "without a creation "
		          "date"));
}

/* 1 when s, n bytes, is one of the values of list (", " between). */
static int
in_list(const char *list, const char *s, size_t n)
{
	for (const char *p = list;;) {
		const char *end = strstr(p, ", ");
		size_t k = end ? (size_t)(end - p) : strlen(p);
		if (k == n && !strncmp(p, s, n))
			return 1;
		if (!end)
			return 0;
		p = end + 2;
	}
}

int
cli_format_has(const char *format, const char *item)
{
	size_t n = strlen(item);
	for (const char *p = format; *p;) {
		size_t k = strcspn(p, ",");
		if (k == n && !strncmp(p, item, n))
			return 1;
		p += k;
		p += *p == ',';
	}
	return 0;
}

static int
ok_lang(const char *v, void *dst)
{
	struct cli *c = dst;
	if (strcmp(v, "vi") && strcmp(v, "en"))
		return 0;
	c->lang = strcmp(v, "en") ? LANG_VI : LANG_EN;
	c->lang_given = 1;
	return 1;
}

static int
ok_jobs(const char *v, void *dst)
{
	return par_parse_jobs(v, dst);
}

/* One of c->formats, or with format_list several joined by ','. */
static int
ok_format(const char *v, void *dst)
{
	struct cli *c = dst;
	int any = 0;
	if (!c->format_list) {
		any = in_list(c->formats, v, strlen(v));
	} else {
		for (const char *p = v; *p;) {
			size_t k = strcspn(p, ",");
			if (k && !in_list(c->formats, p, k))
				return 0;
			any |= k > 0;
			p += k;
			p += *p == ',';
		}
	}
	if (any)
		c->format = v;
	return any;
}

/* -o's value: a path, so not empty (an unset variable in a script). */
static int
ok_output(const char *v, void *dst)
{
	if (!*v)
		return 0;
	*(const char **)dst = v;
	return 1;
}

/* The common options, as the entries of a command's own. */
static size_t
common_opts(struct cli *c, struct cli_opt *o)
{
	size_t n = 0;
	if (c->common & CLI_OUTPUT)
		o[n++] = (struct cli_opt){.name = "output",
		                          .letter = 'o',
		                          .dst = &c->output,
		                          .ok = ok_output,
		                          .vi = "-o nhận một đường dẫn, không phải '%s'",
		                          .en = "-o takes a path, not '%s'"};
	if (c->common & CLI_FORMAT) /* its message names c->formats */
		o[n++] = (struct cli_opt){.name = "format", .dst = c, .ok = ok_format};
	if (c->common & CLI_LANG)
		o[n++] = (struct cli_opt){.name = "lang",
		                          .dst = c,
		                          .ok = ok_lang,
		                          .vi = "ngôn ngữ không hợp lệ '%s' (vi, en)",
		                          .en = "unknown language '%s' (vi, en)"};
	if (c->common & CLI_TODAY)
		o[n++] = (struct cli_opt){.name = "today", .dst = &c->today};
	if (c->common & CLI_CONFIG)
		o[n++] = (struct cli_opt){.name = "config", .dst = &c->config};
	if (c->common & CLI_JOBS)
		o[n++] = (struct cli_opt){.name = "jobs",
		                          .letter = 'j',
		                          .dst = &c->jobs,
		                          .ok = ok_jobs,
		                          .vi = "-j nhận một số từ 1 đến 1024, không phải '%s'",
		                          .en = "-j takes a number from 1 to 1024, not '%s'"};
	o[n++] = (struct cli_opt){.name = "help", .letter = 'h', .flag = 1};
	return n;
}

/* The usage error about the value of o. */
static int
value_error(const struct cli *c, const struct cli_opt *o, const char *v)
{
	if (o->vi)
		return cli_error(c, o->vi, o->en, v);
	/* --format: what it takes is the command's */
	char *vi = xasprintf("định dạng không hợp lệ '%%s' (%s)", c->formats);
	char *en = xasprintf("unknown format '%%s' (%s)", c->formats);
	int rc = cli_error(c, vi, en, v);
	free(vi);
	free(en);
	return rc;
}

int
cli_parse(struct cli *c, int argc, char **argv)
{
	size_t nown = 0;
	while (c->own && c->own[nown].name)
		nown++;
	struct cli_opt *o = xcalloc(nown + 8, sizeof *o);
	size_t n = common_opts(c, o);
	if (nown)
		memcpy(o + n, c->own, nown * sizeof *o);
	n += nown;
	struct option *lo = xcalloc(n + 1, sizeof *lo);
	char *shorts = xcalloc(2 * n + 2, 1), *s = shorts;
	*s++ = ':'; /* a missing value is told apart */
	for (size_t i = 0; i < n; i++) {
		lo[i] = (struct option){o[i].name, o[i].flag ? no_argument : required_argument,
		                        NULL, o[i].letter ? o[i].letter : 256 + (int)i};
		if (o[i].letter) {
			*s++ = o[i].letter;
			if (!o[i].flag)
				*s++ = ':';
		}
	}
	c->lang = cli_prescan_lang(argc, argv); /* the messages below are in it */
	c->lang_given = 0;
	c->today = c->config = c->output = c->format = NULL;
	c->jobs = c->common & CLI_JOBS ? par_cores() : 1;
	optind = 0; /* a fresh scan, whatever ran before (glibc) */
	opterr = 0;
	int ch, rc = -1;
	while (rc < 0 && (ch = getopt_long(argc, argv, shorts, lo, NULL)) != -1) {
		size_t i = 0;
		while (i < n && (o[i].letter ? o[i].letter : 256 + (int)i) != ch)
			i++;
		if (ch == ':')
			rc = cli_error(c, "tùy chọn %s cần một giá trị", "option %s needs a value",
			               argv[optind - 1]);
		else if (i == n) {
			/* an unknown letter (-x, or x of -vx) named itself: getopt has not
			 * moved past an argument whose letters it has not all read, so
			 * argv[optind - 1] may be the argument before; a known letter
			 * here is a long option given a value it does not take */
			int unknown_letter =
			    optopt > 0 && optopt < 256 && !strchr(shorts + 1, optopt);
			char letter[3] = {'-', (char)optopt, '\0'};
			rc = cli_error(c, "tùy chọn không hợp lệ: %s", "unknown option: %s",
			               unknown_letter ? letter : argv[optind - 1]);
		} else if (!strcmp(o[i].name, "help")) {
			cli_usage(c, stdout);
			rc = EXIT_OK;
		} else if (o[i].flag)
			*(int *)o[i].dst = 1;
		else if (!o[i].ok)
			*(const char **)o[i].dst = optarg;
		else if (!o[i].ok(optarg, o[i].dst))
			rc = value_error(c, &o[i], optarg);
	}
	c->next = optind;
	free(o);
	free(lo);
	free(shorts);
	return rc;
}
