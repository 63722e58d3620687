/*
 * The bundled examples/ through our own loader: each record must load
 * with no finding at all (syntax, duplicate keys, encoding, NFC) and carry
 * the id its file is named after, since outputs are named by id.
 */
#include <stdlib.h>

#include "fsutil.h"
#include "load.h"
#include "unit.h"

int
main(void)
{
	const char *top = getenv("TOP");
	char dir[4096];
	char *paths[1] = {dir};
	struct strlist files = {NULL, 0, 0}, errs = {NULL, 0, 0};

	snprintf(dir, sizeof dir, "%s/examples", top ? top : "../..");
	INT_EQ(fs_expand(paths, 1, &files, &errs, NULL), 0, "examples/readable");
	OK(files.n >= 10, "examples/at-least-ten");
	for (size_t i = 0; i < files.n; i++) {
		const char *path = files.v[i];
		const char *base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
		char name[512], want[512];
		char *data = NULL, *err = NULL;
		size_t len = 0;
		struct diags dq = DIAGS_INIT;
		struct doc *d = NULL;

		snprintf(name, sizeof name, "examples/%s/read", base);
		OK(fs_read(path, 1 << 20, &data, &len, &err), name);
		if (data)
			d = load_yaml(data, len, path, NULL, LANG_EN, &dq);
		snprintf(name, sizeof name, "examples/%s/loads-clean", base);
		INT_EQ(d && d->root ? dq.n : 1000, 0, name);
		for (size_t k = 0; k < dq.n; k++)
			printf("  %u:%u: %s [%s]\n", dq.v[k].mark.line, dq.v[k].mark.col,
			       dq.v[k].msg, dq.v[k].rule);
		/* base is "<id>.yaml" or "<id>.yml" */
		snprintf(want, sizeof want, "%.*s", (int)(strrchr(base, '.') - base), base);
		snprintf(name, sizeof name, "examples/%s/id-is-file-name", base);
		STR_EQ(d ? node_str(node_get(d->root, "id")) : NULL, want, name);
		doc_free(d);
		diags_free(&dq);
		free(data);
		free(err);
	}
	strlist_free(&files);
	strlist_free(&errs);
	return 0;
}
