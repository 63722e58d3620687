/*
 * Unit tests of fs_strerror: the system's error texts in the run's
 * language.  Vietnamese text carries no English (the C library's texts
 * are English only), is NFC, and an errno outside the table is named by
 * its number; English is the C library's own text.
 */
#include <errno.h>
#include <string.h>

#include "fsutil.h"
#include "text.h"
#include "unit.h"

int
main(void)
{
	static const int common[] = {ENOENT, EACCES,       EISDIR, ENOTDIR, ENOSPC, EROFS,
	                             ELOOP,  ENAMETOOLONG, EEXIST, EIO,     EDQUOT, EMFILE};
	fs_set_lang(LANG_VI);
	int all = 1, nfc = 1;
	for (size_t i = 0; i < sizeof common / sizeof common[0]; i++) {
		const char *s = fs_strerror(common[i]);
		all &= strcmp(s, strerror(common[i])) != 0;
		nfc &= text_is_nfc(s);
	}
	OK(all, "fs_strerror/vi-not-the-english-text");
	OK(nfc, "fs_strerror/vi-nfc");
	OK(strcmp(fs_strerror(ENOENT), "không có tệp hoặc thư mục này") == 0,
	   "fs_strerror/vi-enoent");
	OK(strcmp(fs_strerror(4095), "lỗi hệ thống số 4095") == 0,
	   "fs_strerror/vi-unknown-by-number");
	fs_set_lang(LANG_EN);
	OK(strcmp(fs_strerror(EACCES), strerror(EACCES)) == 0, "fs_strerror/en-is-libc");
	return unit_failed != 0;
}
