/* Unit tests of what a download goes through on its way to a file: the
 * Content-Disposition's file name (web/disposition), the name made safe
 * (util/file file_name_safe, app/document_save document_file_name), the
 * whole 0600 write that never replaces a file unless asked
 * (file_write_new), and the Downloads folder (app/download_dir).
 * Degenerate inputs first. */
#include "config.h"

#include <dirent.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/file.h"
#include "util/xalloc.h"
#include "web/disposition.h"
#include "app/document_save.h"
#include "app/download_dir.h"
#include "test_util.h"

static void expect_str(const char *what, char *got, const char *want)
{
	if (!want != !got || (got && strcmp(got, want) != 0))
		fail_msg("%s: expected %s%s%s, got %s%s%s", what, want ? "\"" : "",
		         want ? want : "NULL", want ? "\"" : "", got ? "\"" : "",
		         got ? got : "NULL", got ? "\"" : "");
	free(got);
}

static void test_disposition(void **state)
{
	(void)state;
	static const struct {
		const char *value, *name;
	} cases[] = {
		{ NULL, NULL },
		{ "", NULL },
		{ "attachment", NULL },
		{ "attachment; filename=", NULL },
		{ "attachment; filename=\"\"", NULL },
		{ "attachment; filename=\"Facture_F2022-0912.pdf\"", "Facture_F2022-0912.pdf" },
		{ "inline; filename=CL2022-0457.pdf", "CL2022-0457.pdf" },
		{ "INLINE;FILENAME=a.pdf  ", "a.pdf" },
		{ "attachment; filename = \"sp ace.pdf\" ; size=12", "sp ace.pdf" },
		{ "attachment; filename=\"a\\\"b\\\\c.pdf\"", "a\"b\\c.pdf" },
		{ "attachment; filename=\"a;b.pdf\"", "a;b.pdf" },
		{ "attachment; filename=\"unterminated.pdf", "unterminated.pdf" },
		/* filename* wins, in either order; UTF-8 and latin-1 */
		{ "attachment; filename=\"plain.pdf\"; filename*=UTF-8''%C3%A9t%C3%A9.pdf",
		  "été.pdf" },
		{ "attachment; filename*=utf-8'fr'F%20%E2%82%AC.pdf; filename=x.pdf", "F €.pdf" },
		{ "attachment; filename*=ISO-8859-1''%E9t%E9.pdf", "été.pdf" },
		/* unreadable filename*: the plain one */
		{ "attachment; filename*=UTF-8''%E9t%E9.pdf; filename=ete.pdf", "ete.pdf" },
		{ "attachment; filename*=KOI8-R''%E9.pdf; filename=k.pdf", "k.pdf" },
		{ "attachment; filename*=UTF-8''a%00b.pdf", NULL },
		/* latin-1 bytes in a plain name, as PHP sends them */
		{ "attachment; filename=\"\xe9t\xe9.pdf\"", "été.pdf" },
		{ "attachment; foo=\"filename=trap.pdf\"", NULL },
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char *what = xasprintf("case %zu (%s)", i,
		                       cases[i].value ? cases[i].value : "NULL");
		expect_str(what, http_disposition_filename(cases[i].value), cases[i].name);
		free(what);
	}
}

static void test_safe_names(void **state)
{
	(void)state;
	static const struct {
		const char *in, *out;
	} cases[] = {
		{ NULL, NULL },
		{ "", NULL },
		{ ".", NULL },
		{ "..", NULL },
		{ "../", NULL },
		{ "\x1b\x07\x7f", NULL },
		{ "Facture_F2022-0912.pdf", "Facture_F2022-0912.pdf" },
		{ "../../.bashrc", "bashrc" },
		{ "C:\\Users\\x\\..\\facture.pdf", "facture.pdf" },
		{ "/etc/passwd", "passwd" },
		{ "...hidden", "hidden" },
		{ " - -rf.pdf", "rf.pdf" },
		{ "a:b*c?d\"e<f>g|h.pdf", "a_b_c_d_e_f_g_h.pdf" },
		{ "\x1b[31mred\x1b[0m.pdf", "[31mred[0m.pdf" },
		{ "F\xe2\x80\xae"
		  "fdp.exe",
		  "Ffdp.exe" }, /* RLO dropped */
		{ "x\xc2\x9b"
		  "31m.pdf",
		  "x31m.pdf" }, /* C1 CSI */
		{ "Facture été Œuvre.pdf", "Facture ete OEuvre.pdf" },
		{ "日本.pdf", "__.pdf" },
		{ "bad\xff"
		  "byte.pdf",
		  "badbyte.pdf" },
		{ "trailing. . ", "trailing" },
		{ "nbsp\xc2\xa0name.pdf", "nbsp name.pdf" },
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char *what = xasprintf("case %zu", i);
		expect_str(what, file_name_safe(cases[i].in), cases[i].out);
		free(what);
	}
	/* Long names are cut, the extension kept. */
	char longname[400];
	memset(longname, 'a', sizeof(longname));
	strcpy(longname + 390, ".pdf");
	char *cut = file_name_safe(longname);
	assert_int_equal(strlen(cut), FILE_NAME_MAX);
	assert_string_equal(cut + FILE_NAME_MAX - 4, ".pdf");
	free(cut);
	/* ... and a cut that ends on a dot or a space loses them too (found
	 * by fuzz_disposition). */
	memset(longname, 'a', sizeof(longname));
	longname[FILE_NAME_MAX - 1] = '.';
	longname[FILE_NAME_MAX - 2] = ' ';
	longname[sizeof(longname) - 1] = '\0';
	cut = file_name_safe(longname);
	assert_int_equal(strlen(cut), FILE_NAME_MAX - 2);
	assert_int_equal(cut[strlen(cut) - 1], 'a');
	free(cut);
}

static void test_document_names(void **state)
{
	(void)state;
	expect_str("proposed", document_file_name("F2022-0912", "Facture_F2022-0912.pdf", NULL),
	           "Facture_F2022-0912.pdf");
	expect_str("none", document_file_name("F2022-0912", NULL, "application/pdf"),
	           "facture-F2022-0912.pdf");
	expect_str("unusable", document_file_name("F2022-0912", "../..", NULL),
	           "facture-F2022-0912.pdf");
	expect_str("jpeg", document_file_name("A1", NULL, "image/jpeg"), "facture-A1.jpg");
	/* A name that does not say which invoice gets its number: two
	 * invoices never share "facture.pdf". */
	expect_str("shared name", document_file_name("F-1", "facture.pdf", NULL),
	           "facture-F-1.pdf");
	expect_str("no extension", document_file_name("F-1", "document", NULL), "document-F-1");
	expect_str("hostile number", document_file_name("../F\x1b/2022", NULL, NULL),
	           "facture-2022.pdf");
	expect_str("evil",
	           document_file_name("F2022-0912",
	                              "../../.bashrc:\x1b[31mF2022-0912\xe2\x80\xae.pdf", NULL),
	           "bashrc_[31mF2022-0912.pdf");
}

/* ---- whole writes ---- */

static char *temp_dir(void)
{
	char *dir = xasprintf("%s/pf-test-download.XXXXXX",
	                      getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
	if (!mkdtemp(dir))
		fail_msg("mkdtemp");
	return dir;
}

static size_t entries(const char *dir)
{
	DIR *d = opendir(dir);
	size_t n = 0;
	for (struct dirent *e; (e = readdir(d));)
		n += strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0;
	closedir(d);
	return n;
}

static char *contents(const char *path)
{
	char *data = NULL, *err = NULL;
	size_t len;
	if (file_read_all(path, 1 << 20, &data, &len, &err) != 0)
		fail_msg("%s", err);
	return data;
}

static void remove_tree(const char *dir)
{
	DIR *d = opendir(dir);
	for (struct dirent *e; d && (e = readdir(d));) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		char *p = xasprintf("%s/%s", dir, e->d_name);
		struct stat st;
		if (lstat(p, &st) == 0 && S_ISDIR(st.st_mode))
			remove_tree(p);
		else
			unlink(p);
		free(p);
	}
	if (d)
		closedir(d);
	rmdir(dir);
}

static void test_write_new(void **state)
{
	(void)state;
	char *dir = temp_dir();
	char *path = xasprintf("%s/f.pdf", dir);
	char *err = NULL;
	mode_t old = umask(0);
	assert_int_equal(file_write_new(path, "%PDF-1", 6, false, &err), FILE_WRITTEN);
	umask(old);
	struct stat st;
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	char *got = contents(path);
	assert_string_equal(got, "%PDF-1");
	free(got);
	/* Taken: nothing written, no message, no temporary file left. */
	assert_int_equal(file_write_new(path, "other", 5, false, &err), FILE_EXISTS);
	assert_null(err);
	got = contents(path);
	assert_string_equal(got, "%PDF-1");
	free(got);
	assert_int_equal(entries(dir), 1);
	/* A dangling symbolic link takes the name too: never written through. */
	char *link = xasprintf("%s/l.pdf", dir), *target = xasprintf("%s/target", dir);
	assert_int_equal(symlink(target, link), 0);
	assert_int_equal(file_write_new(link, "x", 1, false, &err), FILE_EXISTS);
	assert_int_equal(access(target, F_OK), -1);
	/* Replaced when asked: the link itself, not its target. */
	assert_int_equal(file_write_new(link, "new", 3, true, &err), FILE_WRITTEN);
	assert_int_equal(lstat(link, &st), 0);
	assert_true(S_ISREG(st.st_mode));
	assert_int_equal(access(target, F_OK), -1);
	assert_int_equal(file_write_new(path, "second", 6, true, &err), FILE_WRITTEN);
	got = contents(path);
	assert_string_equal(got, "second");
	free(got);
	assert_int_equal(entries(dir), 2);
	/* An empty document is a file too. */
	char *empty = xasprintf("%s/empty", dir);
	assert_int_equal(file_write_new(empty, "", 0, false, &err), FILE_WRITTEN);
	/* A directory that is not there: a message naming it. */
	char *missing = xasprintf("%s/no/such/dir/f.pdf", dir);
	assert_int_equal(file_write_new(missing, "x", 1, false, &err), -1);
	assert_non_null(err);
	assert_non_null(strstr(err, "no/such/dir"));
	free(err);
	err = NULL;
	/* A directory in the way. */
	char *sub = xasprintf("%s/sub", dir);
	assert_int_equal(mkdir(sub, 0700), 0);
	assert_int_equal(file_write_new(sub, "x", 1, false, &err), FILE_EXISTS);
	assert_int_equal(file_write_new(sub, "x", 1, true, &err), -1);
	free(err);
	assert_int_equal(entries(dir), 4); /* f.pdf l.pdf empty sub */
	remove_tree(dir);
	free(sub);
	free(missing);
	free(empty);
	free(link);
	free(target);
	free(path);
	free(dir);
}

/* ---- the Downloads folder ---- */

static void set_env(const char *name, const char *value)
{
	if (value)
		setenv(name, value, 1);
	else
		unsetenv(name);
}

static void test_download_dir(void **state)
{
	(void)state;
	char *home = temp_dir();
	char *saved_home = getenv("HOME") ? xstrdup(getenv("HOME")) : NULL;
	char *saved_path = getenv("PATH") ? xstrdup(getenv("PATH")) : NULL;
	char *saved_xdg = getenv("XDG_DOWNLOAD_DIR") ? xstrdup(getenv("XDG_DOWNLOAD_DIR")) : NULL;
	char *saved_cwd = getcwd(NULL, 0);
	set_env("HOME", home);
	set_env("PATH", "/nonexistent"); /* no xdg-user-dir */
	set_env("XDG_DOWNLOAD_DIR", NULL);
	assert_int_equal(chdir(home), 0);
	char *cwd = getcwd(NULL, 0);
	expect_str("nothing: the current directory", download_dir_find(), cwd);
	char *dl = xasprintf("%s/Downloads", home), *fr = xasprintf("%s/Téléchargements", home);
	assert_int_equal(mkdir(dl, 0700), 0);
	expect_str("~/Downloads", download_dir_find(), dl);
	assert_int_equal(mkdir(fr, 0700), 0);
	expect_str("~/Téléchargements first", download_dir_find(), fr);
	char *mine = xasprintf("%s/mine", home);
	assert_int_equal(mkdir(mine, 0700), 0);
	set_env("XDG_DOWNLOAD_DIR", mine);
	expect_str("$XDG_DOWNLOAD_DIR", download_dir_find(), mine);
	set_env("XDG_DOWNLOAD_DIR", "/nonexistent/dir");
	expect_str("a $XDG_DOWNLOAD_DIR that is not there", download_dir_find(), fr);
	/* xdg-user-dir answering: a script of ours in PATH. */
	char *bin = xasprintf("%s/bin", home), *script = xasprintf("%s/bin/xdg-user-dir", home);
	assert_int_equal(mkdir(bin, 0700), 0);
	FILE *f = fopen(script, "w");
	fprintf(f, "#!/bin/sh\n[ \"$1\" = DOWNLOAD ] && echo \"%s\"\n", mine);
	fclose(f);
	chmod(script, 0700);
	set_env("PATH", bin);
	set_env("XDG_DOWNLOAD_DIR", NULL);
	expect_str("xdg-user-dir DOWNLOAD", download_dir_find(), mine);
	/* Its answer when nothing is set is $HOME: the next choice then. */
	f = fopen(script, "w");
	fprintf(f, "#!/bin/sh\necho \"$HOME\"\n");
	fclose(f);
	expect_str("xdg-user-dir says $HOME", download_dir_find(), fr);
	assert_int_equal(chdir(saved_cwd), 0);
	set_env("HOME", saved_home);
	set_env("PATH", saved_path);
	set_env("XDG_DOWNLOAD_DIR", saved_xdg);
	remove_tree(home);
	free(script);
	free(bin);
	free(mine);
	free(fr);
	free(dl);
	free(cwd);
	free(saved_cwd);
	free(saved_xdg);
	free(saved_path);
	free(saved_home);
	free(home);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_disposition),    cmocka_unit_test(test_safe_names),
		cmocka_unit_test(test_document_names), cmocka_unit_test(test_write_new),
		cmocka_unit_test(test_download_dir),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
