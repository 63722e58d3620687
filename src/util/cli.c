/*
 * cli.c: option-parsing helpers of every command (cli.h): the
 * language of messages first, then usage errors in that language.
 */
#include "cli.h"

#include <getopt.h>
#include <string.h>

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
