/*
 * cli.c: option-parsing helpers of `new` and `tasks` (cli.h): the
 * language of messages first, then usage errors in that language.
 */
#include "cli.h"

#include <getopt.h>
#include <string.h>

enum lang
cli_prescan_lang(int argc, char **argv)
{
	enum lang lang = LANG_VI;
	for (int i = 1; i + 1 < argc && strcmp(argv[i], "--"); i++)
		if (!strcmp(argv[i], "--lang"))
			lang = strcmp(argv[i + 1], "en") ? LANG_VI : LANG_EN;
	return lang;
}

int
cli_usage_error(const char *cmd, enum lang lang, void (*usage)(FILE *), const char *vi,
                const char *en, const char *arg)
{
	fprintf(stderr, "debrief %s: ", cmd);
	fprintf(stderr, L(lang, vi, en), arg);
	fputc('\n', stderr);
	usage(stderr);
	return EXIT_USAGE;
}

int
cli_option_error(const char *cmd, enum lang lang, void (*usage)(FILE *), int c, char **argv)
{
	if (c == ':')
		return cli_usage_error(cmd, lang, usage, "tùy chọn %s cần một giá trị",
		                       "option %s needs a value", argv[optind - 1]);
	return cli_usage_error(cmd, lang, usage, "tùy chọn không hợp lệ: %s", "unknown option: %s",
	                       argv[optind - 1]);
}

int
cli_lang(const char *cmd, const char *v, enum lang *lang, void (*usage)(FILE *))
{
	if (strcmp(v, "vi") && strcmp(v, "en")) {
		cli_usage_error(cmd, *lang, usage, "ngôn ngữ không hợp lệ '%s' (vi, en)",
		                "unknown language '%s' (vi, en)", v);
		return 0;
	}
	*lang = strcmp(v, "en") ? LANG_VI : LANG_EN;
	return 1;
}
