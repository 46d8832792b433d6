/* `profiles [--json]`: the accounts of the config file, the chosen one marked. */
#include "config.h"

#include <getopt.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/i18n.h"
#include "util/json_print.h"
#include "util/sanitize.h"
#include "util/utf8.h"
#include "util/xalloc.h"
#include "app/config_file.h"
#include "app/connect.h"
#include "cli/commands.h"

/* The display width of the widest of a column (capped: a stray long value
 * must not push the others off the screen). */
static size_t widest(const struct cli_options *o, bool users)
{
	size_t most = 4;
	for (size_t i = 0; i < o->nprofiles; i++) {
		const char *text = users ? cli_profile_user(o, &o->profiles[i])
		                         : o->profiles[i].name;
		size_t w = utf8_width(text, strlen(text));
		most = w > most ? w : most;
	}
	return most < 32 ? most : 32;
}

/* text, then spaces up to width columns. */
static void put_padded(const char *text, size_t width, int flags)
{
	char *safe = sanitize_str(text, flags);
	size_t w = utf8_width(safe, strlen(safe));
	fprintf(stdout, "%s%*s", safe, (int)(w < width ? width - w : 0), "");
	free(safe);
}

static int print_table(const struct cli_options *o, const char *chosen)
{
	int flags = sanitize_terminal_flags();
	size_t name_width = widest(o, false), user_width = widest(o, true);
	for (size_t i = 0; i < o->nprofiles; i++) {
		const struct cli_profile *p = &o->profiles[i];
		fputs(chosen && strcmp(chosen, p->name) == 0 ? "* " : "  ", stdout);
		put_padded(p->name, name_width, flags);
		fputs("  ", stdout);
		put_padded(cli_profile_user(o, p), user_width, flags);
		fputs("  ", stdout);
		put_padded(cli_profile_url(o, p), 0, flags);
		fputc('\n', stdout);
	}
	return ferror(stdout) ? -1 : 0;
}

static int print_json(const struct cli_options *o, const char *chosen)
{
	json_t *list = json_array();
	for (size_t i = 0; i < o->nprofiles; i++) {
		const struct cli_profile *p = &o->profiles[i];
		json_t *e = json_object();
		json_object_set_new(e, "name", json_text(p->name));
		json_object_set_new(e, "url", json_text(cli_profile_url(o, p)));
		json_object_set_new(e, "user", json_text(cli_profile_user(o, p)));
		json_object_set_new(e, "selected",
		                    json_boolean(chosen && strcmp(chosen, p->name) == 0));
		json_array_append_new(list, e);
	}
	json_t *root = json_object();
	json_object_set_new(root, "config_file",
	                    o->config_path ? json_text(o->config_path) : json_null());
	json_object_set_new(root, "profiles", list);
	int rc = json_print(stdout, root);
	json_decref(root);
	return rc;
}

int cmd_profiles(struct cli_options *options, int argc, char **argv)
{
	static const struct option longopts[] = { { "json", no_argument, NULL, 'j' },
		                                  { NULL, 0, NULL, 0 } };
	bool json = false;
	int c;
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "+", longopts, NULL)) == 'j')
		json = true;
	if (c != -1 || optind != argc) {
		sanitize_fprintf(stderr, sanitize_terminal_flags(), "%s",
		                 _("usage: portail-famille profiles [--json]\n"));
		return EXIT_USAGE;
	}
	char *err = NULL;
	if (cli_config_load_profiles(options, &err) < 0) {
		cli_report(err);
		return EXIT_USAGE;
	}
	const char *chosen = cli_config_chosen(options);
	if (options->nprofiles == 0 && !json) {
		/* Nothing on stdout: a script sees no profiles; a person, why. */
		if (options->config_path)
			sanitize_fprintf(
			        stderr, sanitize_terminal_flags(),
			        _("portail-famille: no profiles: %s has no [NAME] sections "
			          "(see FILES in portail-famille(1))\n"),
			        options->config_path);
		else
			sanitize_fprintf(stderr, sanitize_terminal_flags(), "%s",
			                 _("portail-famille: no profiles: there is no config file "
			                   "(see FILES in portail-famille(1))\n"));
		return EXIT_OK;
	}
	int rc = json ? print_json(options, chosen) : print_table(options, chosen);
	if (rc < 0 || fflush(stdout) == EOF) {
		cli_report(xstrdup(_("cannot write the output")));
		return EXIT_ERROR;
	}
	return EXIT_OK;
}
