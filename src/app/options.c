/* Global options (getopt_long) and the INI config file (inih). */
#include "config.h"

#include "app/options.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/i18n.h"
#include "util/sanitize.h"
#include "util/xalloc.h"
#include "app/config_file.h"

/* One message: translators see the whole help and keep its columns. */
const char cli_usage[] = N_(
        "usage: portail-famille [OPTIONS] [COMMAND [ARGS]]\n"
        "\n"
        "A text-mode client for the AIGA \"Portail familles\".\n"
        "\n"
        "Commands:\n"
        "  invoices [--json | --csv [--excel]] [--regie NAME]\n"
        "                                  every régie's invoices (or one régie's)\n"
        "  page NAME [--width N]           a page as text: accueil, tableau-de-bord,\n"
        "                                  famille, coordonnees, inscriptions, compte,\n"
        "                                  aide\n"
        "  pay [--regie NAME] (--invoice NUM... | --all)\n"
        "      [--json] [--qr] [--open] [--force]\n"
        "                                  send invoices to payment, print the address of\n"
        "                                  the card payment\n"
        "  check [--days N] [--json]       invoices overdue or due within N days (7) and\n"
        "                                  documents to provide; nothing and exit 0 when\n"
        "                                  nothing is due, else the reminders and exit 7\n"
        "  payments [--json | --csv] [--year YYYY]\n"
        "                                  the payments made, or a year's sums per régie\n"
        "  profiles [--json]               the config file's accounts ([NAME] sections)\n"
        "  download (--invoice NUM... | --all) [-o|--output PATH] [--force]\n"
        "                                  save the invoices' documents (PDF)\n"
        "  parse invoices FILE [--json | --csv [--excel]]\n"
        "                                  read a saved invoice page offline\n"
        "\n"
        "Options (before or after the command):\n"
        "  --url URL                 the portal's login page\n"
        "                            (default https://portail2.aiga.fr/v4/login.php5)\n"
        "  -u, --user USER           the login\n"
        "  --password-command CMD    run CMD, use the first line it prints\n"
        "  --password-file FILE      first line of FILE (must not be readable by others)\n"
        "  --ca-file FILE            trust this CA bundle too\n"
        "  --cookie-file FILE        keep cookies in FILE (default: memory only)\n"
        "  --save-pages DIR          keep every page fetched in DIR\n"
        "  --timeout SECONDS         give up on any request after SECONDS (default 60)\n"
        "  --config FILE             read FILE instead of the default config file\n"
        "  --profile NAME            the account of the config file's section [NAME]\n"
        "                            (also PORTAIL_FAMILLE_PROFILE)\n"
        "  --demo                    use the built-in demo portal (it logs in by itself)\n"
        "  --demo-latency MS         the demo answers each request after MS milliseconds\n"
        "  --demo-bandwidth BPS      the demo sends at most BPS bytes a second\n"
        "  --demo-fault SPEC         a demo fault (http500=factures...), repeatable\n"
        "  --ascii                   ASCII lines, symbols, QR codes (also page, pay --qr)\n"
        "  --no-color                no colours (also when NO_COLOR is set)\n"
        "  --plain                   for screen readers: no box drawing, no spinner\n"
        "  --arrow-cursor            mark the cursor's row with > (fewer bytes on slow\n"
        "                            links; config arrow_cursor = yes)\n"
        "  -v, --verbose             each request and the bytes moved, on standard error\n"
        "  -h, --help                this help\n"
        "  -V, --version             the version\n"
        "\n"
        "The password is read from --password-command, --password-file, the\n"
        "PORTAIL_FAMILLE_PASSWORD environment variable or a prompt, in that order.\n"
        "Exit codes: 0 ok, 1 error, 2 usage, 3 login refused, 4 network, 5 page not\n"
        "understood, 6 nothing payable, 7 check found something due.\n"
        "See portail-famille(1).\n");

enum {
	OPT_URL = 256,
	OPT_PASSWORD_COMMAND,
	OPT_PASSWORD_FILE,
	OPT_CA_FILE,
	OPT_COOKIE_FILE,
	OPT_SAVE_PAGES,
	OPT_TIMEOUT,
	OPT_CONFIG,
	OPT_PROFILE,
	OPT_DEMO,
	OPT_ASCII,
	OPT_NO_COLOR,
	OPT_PLAIN,
	OPT_ARROW_CURSOR,
	OPT_DEMO_LATENCY,
	OPT_DEMO_BANDWIDTH,
	OPT_DEMO_FAULT,
};

static const struct option long_options[] = {
	{ "url", required_argument, NULL, OPT_URL },
	{ "user", required_argument, NULL, 'u' },
	{ "password-command", required_argument, NULL, OPT_PASSWORD_COMMAND },
	{ "password-file", required_argument, NULL, OPT_PASSWORD_FILE },
	{ "ca-file", required_argument, NULL, OPT_CA_FILE },
	{ "cookie-file", required_argument, NULL, OPT_COOKIE_FILE },
	{ "save-pages", required_argument, NULL, OPT_SAVE_PAGES },
	{ "timeout", required_argument, NULL, OPT_TIMEOUT },
	{ "config", required_argument, NULL, OPT_CONFIG },
	{ "profile", required_argument, NULL, OPT_PROFILE },
	{ "demo", no_argument, NULL, OPT_DEMO },
	{ "demo-latency", required_argument, NULL, OPT_DEMO_LATENCY },
	{ "demo-bandwidth", required_argument, NULL, OPT_DEMO_BANDWIDTH },
	{ "demo-fault", required_argument, NULL, OPT_DEMO_FAULT },
	{ "ascii", no_argument, NULL, OPT_ASCII },
	{ "no-color", no_argument, NULL, OPT_NO_COLOR },
	{ "plain", no_argument, NULL, OPT_PLAIN },
	{ "arrow-cursor", no_argument, NULL, OPT_ARROW_CURSOR },
	{ "verbose", no_argument, NULL, 'v' },
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, 'V' },
	{ NULL, 0, NULL, 0 },
};

static void set_string(char **field, const char *value)
{
	free(*field);
	*field = xstrdup(value);
}

static int parse_timeout(const char *text, long *out, char **errp)
{
	char *end;
	errno = 0;
	long v = strtol(text, &end, 10);
	if (errno || *end || v < 1 || v > 3600)
		return set_error(errp,
		                 _("--timeout wants a number of seconds from 1 to 3600, not "
		                   "\"%s\""),
		                 text);
	*out = v;
	return 0;
}

/* Adds "--NAME", VALUE to the demo portal's command line. */
static void add_demo_arg(struct cli_options *o, const char *name, const char *value)
{
	o->demo_args = xreallocarray(o->demo_args, o->ndemo_args + 3, sizeof(char *));
	o->demo_args[o->ndemo_args++] = xstrdup(name);
	o->demo_args[o->ndemo_args++] = xstrdup(value);
	o->demo_args[o->ndemo_args] = NULL;
}

/* The demo checks its own ranges; a number is checked here so that the
 * mistake is a usage error of ours, not "the demo did not start". */
static int demo_number(struct cli_options *o, const char *option, const char *demo_option,
                       const char *text, char **errp)
{
	char *end;
	errno = 0;
	unsigned long long v = strtoull(text, &end, 10);
	if (errno || *end || end == text || *text == '-' || v > 600000000ULL)
		return set_error(errp, _("%s wants a number, not \"%s\""), option, text);
	add_demo_arg(o, demo_option, text);
	return 0;
}

static int apply_option(struct cli_options *o, int c, const char *arg, char **errp)
{
	switch (c) {
	case OPT_URL: set_string(&o->url, arg); break;
	case 'u': set_string(&o->user, arg); break;
	case OPT_PASSWORD_COMMAND: set_string(&o->password_command, arg); break;
	case OPT_PASSWORD_FILE: set_string(&o->password_file, arg); break;
	case OPT_CA_FILE: set_string(&o->ca_file, arg); break;
	case OPT_COOKIE_FILE: set_string(&o->cookie_file, arg); break;
	case OPT_SAVE_PAGES: set_string(&o->save_dir, arg); break;
	case OPT_CONFIG: set_string(&o->config_file, arg); break;
	case OPT_PROFILE: set_string(&o->profile, arg); break;
	case OPT_TIMEOUT: return parse_timeout(arg, &o->timeout, errp);
	case OPT_DEMO: o->demo = true; break;
	case OPT_DEMO_LATENCY: return demo_number(o, "--demo-latency", "--latency-ms", arg, errp);
	case OPT_DEMO_BANDWIDTH:
		return demo_number(o, "--demo-bandwidth", "--bandwidth-bps", arg, errp);
	case OPT_DEMO_FAULT: add_demo_arg(o, "--fault", arg); break;
	case OPT_ASCII: o->ascii = true; break;
	case OPT_NO_COLOR: o->no_color = true; break;
	case OPT_PLAIN: o->plain = true; break;
	case OPT_ARROW_CURSOR: o->arrow_cursor = true; break;
	case 'v': o->verbose = true; break;
	default: return set_error(errp, "%s", _("unknown option (see --help)"));
	}
	return 0;
}

/* --help and --version answer at once; the rest fills o. */
static int take_option(struct cli_options *o, int c, const char *arg, char **errp)
{
	if (c == 'h') {
		sanitize_fprintf(stdout, sanitize_terminal_flags(), "%s", _(cli_usage));
		return 1;
	}
	if (c == 'V') {
		puts(PACKAGE_STRING);
		return 1;
	}
	return apply_option(o, c, arg, errp);
}

/* argv[i] as a global option: its code and whether it takes a value, or
 * 0. Only exact names after the command (-v, -u, --NAME, --NAME=VALUE): a command's own options are
 * never mistaken for abbreviations of global ones. */
static int global_option_at(const char *arg, const char **inline_value, bool *needs_value)
{
	*inline_value = NULL;
	*needs_value = false;
	if (strcmp(arg, "-v") == 0)
		return 'v';
	if (strcmp(arg, "-u") == 0) {
		*needs_value = true;
		return 'u';
	}
	if (strncmp(arg, "--", 2) != 0)
		return 0;
	size_t len = strcspn(arg + 2, "=");
	for (const struct option *opt = long_options; opt->name; opt++) {
		/* --help after a command is the command's own (parse --help). */
		if (strlen(opt->name) != len || strncmp(opt->name, arg + 2, len) != 0 ||
		    opt->val == 'h' || opt->val == 'V')
			continue;
		if (arg[2 + len] == '=') {
			if (opt->has_arg == no_argument)
				return 0;
			*inline_value = arg + 3 + len;
		}
		*needs_value = opt->has_arg == required_argument && !*inline_value;
		return opt->val;
	}
	return 0;
}

/* The global options after the command, taken out of argv; the rest
 * keeps its order. A "--" ends the search and stays for the command. */
static int take_trailing_options(int argc, char **argv, struct cli_options *o, char **errp)
{
	int out = o->first_arg + 1, i = o->first_arg + 1;
	for (; i < argc && strcmp(argv[i], "--") != 0; i++) {
		const char *value;
		bool needs_value;
		int c = global_option_at(argv[i], &value, &needs_value);
		if (c == 0) {
			argv[out++] = argv[i];
			continue;
		}
		if (needs_value) {
			if (i + 1 >= argc)
				return set_error(errp, _("%s wants a value (see --help)"), argv[i]);
			value = argv[++i];
		}
		if (apply_option(o, c, value, errp) < 0)
			return -1;
	}
	while (i < argc)
		argv[out++] = argv[i++];
	o->argc = out;
	argv[out] = NULL;
	return 0;
}

int cli_options_parse(int argc, char **argv, struct cli_options *o, char **errp)
{
	memset(o, 0, sizeof(*o));
	int c;
	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, "+u:vhV", long_options, NULL)) != -1) {
		if (c == '?' || c == ':')
			return set_error(errp,
			                 _("unknown option or missing argument: %s (see --help)"),
			                 argv[optind - 1]);
		int rc = take_option(o, c, optarg, errp);
		if (rc != 0)
			return rc;
	}
	o->first_arg = optind;
	o->argc = argc;
	int rc = optind < argc ? take_trailing_options(argc, argv, o, errp) : 0;
	if (rc == 0 && o->ndemo_args && !o->demo)
		return set_error(
		        errp, "%s",
		        _("--demo-latency, --demo-bandwidth and --demo-fault go with --demo"));
	return rc;
}

void cli_options_free(struct cli_options *o)
{
	free(o->url);
	free(o->user);
	free(o->password_command);
	free(o->password_file);
	free(o->ca_file);
	free(o->cookie_file);
	free(o->save_dir);
	free(o->config_file);
	free(o->profile);
	cli_config_free(o);
	for (size_t i = 0; i < o->ndemo_args; i++)
		free(o->demo_args[i]);
	free(o->demo_args);
	memset(o, 0, sizeof(*o));
}
