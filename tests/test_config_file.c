/* The config file's defaults and profiles: which account a run gets. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "app/config_file.h"

static const char two_accounts[] = "# defaults\n"
                                   "url = https://portail2.aiga.fr/v4/login.php5\n"
                                   "timeout = 20\n"
                                   "\n"
                                   "[martin]\n"
                                   "user = martin\n"
                                   "password_command = pass show aiga/martin\n"
                                   "\n"
                                   "[vacances]\n"
                                   "url = https://portail.example.fr/v4/login.php5\n"
                                   "user = jdupont\n"
                                   "cookie_file = /tmp/vacances.cookies\n"
                                   "timeout = 90\n";

/* Reads text as the config file into o (already holding the command
 * line's options); returns cli_config_read's result. */
static int read_text(struct cli_options *o, const char *text, char **err)
{
	FILE *f = fmemopen((void *)text, strlen(text), "r");
	assert_non_null(f);
	int rc = cli_config_read(o, f, "CONFIG", err);
	fclose(f);
	return rc;
}

static void test_profile_over_defaults(void **state)
{
	(void)state;
	unsetenv("PORTAIL_FAMILLE_PROFILE");
	struct cli_options o = { .profile = strdup("vacances") };
	char *err = NULL;
	assert_int_equal(read_text(&o, two_accounts, &err), 0);
	assert_string_equal(o.url, "https://portail.example.fr/v4/login.php5");
	assert_string_equal(o.user, "jdupont");
	assert_string_equal(o.cookie_file, "/tmp/vacances.cookies");
	assert_null(o.password_command); /* martin's stays martin's */
	assert_int_equal(o.timeout, 90);
	assert_int_equal(o.nprofiles, 2);
	cli_options_free(&o);

	struct cli_options m = { .profile = strdup("martin") };
	assert_int_equal(read_text(&m, two_accounts, &err), 0);
	assert_string_equal(m.url, "https://portail2.aiga.fr/v4/login.php5"); /* the default */
	assert_string_equal(m.user, "martin");
	assert_string_equal(m.password_command, "pass show aiga/martin");
	assert_int_equal(m.timeout, 20);
	cli_options_free(&m);
}

static void test_command_line_wins(void **state)
{
	(void)state;
	unsetenv("PORTAIL_FAMILLE_PROFILE");
	struct cli_options o = { .profile = strdup("vacances"),
		                 .user = strdup("given"),
		                 .timeout = 5 };
	char *err = NULL;
	assert_int_equal(read_text(&o, two_accounts, &err), 0);
	assert_string_equal(o.user, "given");
	assert_int_equal(o.timeout, 5);
	assert_string_equal(o.url, "https://portail.example.fr/v4/login.php5");
	cli_options_free(&o);
}

static void test_environment_and_default_choice(void **state)
{
	(void)state;
	struct cli_options o = { 0 };
	char *err = NULL;
	setenv("PORTAIL_FAMILLE_PROFILE", "vacances", 1);
	assert_int_equal(read_text(&o, two_accounts, &err), 0);
	assert_string_equal(o.profile, "vacances");
	assert_string_equal(o.user, "jdupont");
	cli_options_free(&o);
	/* --profile wins over the environment */
	struct cli_options p = { .profile = strdup("martin") };
	assert_int_equal(read_text(&p, two_accounts, &err), 0);
	assert_string_equal(p.user, "martin");
	cli_options_free(&p);
	unsetenv("PORTAIL_FAMILLE_PROFILE");
	/* the defaults' "profile" */
	char *text = NULL;
	assert_true(asprintf(&text, "profile = martin\n%s", two_accounts) > 0);
	struct cli_options d = { 0 };
	assert_int_equal(read_text(&d, text, &err), 0);
	assert_string_equal(d.user, "martin");
	cli_options_free(&d);
	free(text);
}

static void test_choice_errors(void **state)
{
	(void)state;
	unsetenv("PORTAIL_FAMILLE_PROFILE");
	struct cli_options o = { 0 };
	char *err = NULL;
	assert_int_equal(read_text(&o, two_accounts, &err), -1);
	assert_non_null(strstr(err, "several profiles (martin, vacances)"));
	free(err);
	err = NULL;
	cli_options_free(&o);

	struct cli_options u = { .profile = strdup("autre") };
	assert_int_equal(read_text(&u, two_accounts, &err), -1);
	assert_non_null(
	        strstr(err, "no profile \"autre\" in CONFIG (its profiles: martin, vacances)"));
	free(err);
	err = NULL;
	cli_options_free(&u);

	/* A single section is the account, chosen or not. */
	struct cli_options one = { 0 };
	assert_int_equal(read_text(&one, "[portail]\nuser = martin\n", &err), 0);
	assert_string_equal(one.user, "martin");
	assert_string_equal(one.profile, "portail");
	cli_options_free(&one);
}

static void test_arrow_cursor(void **state)
{
	(void)state;
	unsetenv("PORTAIL_FAMILLE_PROFILE");
	char *err = NULL;
	struct cli_options o = { 0 };
	assert_int_equal(read_text(&o, "arrow_cursor = yes\n[a]\nuser = x\n", &err), 0);
	assert_true(o.arrow_cursor);
	cli_options_free(&o);
	struct cli_options p = { 0 };
	assert_int_equal(read_text(&p, "arrow_cursor = yes\n[a]\narrow_cursor = no\n", &err), 0);
	assert_false(p.arrow_cursor); /* the profile's no wins over the defaults' yes */
	cli_options_free(&p);
	struct cli_options q = { .arrow_cursor = true }; /* --arrow-cursor */
	assert_int_equal(read_text(&q, "arrow_cursor = no\n", &err), 0);
	assert_true(q.arrow_cursor);
	cli_options_free(&q);
	struct cli_options r = { 0 };
	assert_int_equal(read_text(&r, "arrow_cursor = maybe\n", &err), -1);
	assert_non_null(strstr(err, "arrow_cursor (yes or no)"));
	free(err);
	cli_options_free(&r);
}

static void test_bad_keys(void **state)
{
	(void)state;
	static const struct {
		const char *text;
		const char *says;
	} cases[] = {
		{ "[a]\nuser = x\ncolour = red\n", "line 3: expected url" },
		{ "[a]\nprofile = b\n", "line 2: expected url" },
		{ "timeout = 0\n", "line 1: expected url" },
		{ "timeout = 3601\n", "line 1: expected url" },
	};
	unsetenv("PORTAIL_FAMILLE_PROFILE");
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct cli_options o = { 0 };
		char *err = NULL;
		assert_int_equal(read_text(&o, cases[i].text, &err), -1);
		if (!strstr(err, cases[i].says))
			fail_msg("%s: \"%s\" does not say \"%s\"", cases[i].text, err,
			         cases[i].says);
		free(err);
		cli_options_free(&o);
	}
}

/* The interface's account menu: the new profile's account, whatever the
 * command line said; the rest (--timeout) stays. */
static void test_switch(void **state)
{
	(void)state;
	unsetenv("PORTAIL_FAMILLE_PROFILE");
	struct cli_options o = { .profile = strdup("martin"), .timeout = 7 };
	char *err = NULL;
	assert_int_equal(read_text(&o, two_accounts, &err), 0);
	assert_int_equal(cli_config_switch(&o, "vacances", &err), 0);
	assert_string_equal(o.profile, "vacances");
	assert_string_equal(o.user, "jdupont");
	assert_string_equal(o.url, "https://portail.example.fr/v4/login.php5");
	assert_null(o.password_command);
	assert_int_equal(o.timeout, 7);
	assert_int_equal(cli_config_switch(&o, "nope", &err), -1);
	assert_non_null(strstr(err, "no profile \"nope\""));
	free(err);
	assert_string_equal(o.profile, "vacances");
	char *names = cli_config_profile_names(&o);
	assert_string_equal(names, "martin, vacances");
	free(names);
	cli_options_free(&o);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_profile_over_defaults),
		cmocka_unit_test(test_command_line_wins),
		cmocka_unit_test(test_environment_and_default_choice),
		cmocka_unit_test(test_choice_errors),
		cmocka_unit_test(test_arrow_cursor),
		cmocka_unit_test(test_bad_keys),
		cmocka_unit_test(test_switch),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
