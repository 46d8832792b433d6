/* Global command-line options and the config file behind them. */
#ifndef PF_APP_OPTIONS_H
#define PF_APP_OPTIONS_H

#include <stdbool.h>
#include <stdio.h>

struct cli_options {
	char *url;              /* --url, config "url" */
	char *user;             /* --user, config "user" */
	char *password_command; /* --password-command, config "password_command" */
	char *password_file;    /* --password-file */
	char *ca_file;          /* --ca-file */
	char *cookie_file;      /* --cookie-file */
	char *save_dir;         /* --save-pages */
	char *config_file;      /* --config (else the XDG default) */
	long timeout;           /* --timeout seconds, 0 = defaults */
	bool verbose;           /* -v */
	bool demo;              /* --demo */
	/* --demo-latency, --demo-bandwidth, --demo-fault: the demo portal's own
	 * options (--latency-ms N, ...), NULL-terminated, each owned. */
	char **demo_args;
	size_t ndemo_args;
	bool ascii, no_color, plain; /* the UI's --ascii, --no-color, --plain */
	/* Set by the UI (not an option): a key that cancels network waits.
	 * NULL = transfers stop on SIGINT/SIGTERM only (cli_interrupted). */
	bool (*cancelled)(void *ctx);
	void *cancel_ctx;
	/* Set by main for the commands (not an option): the waiting step on
	 * standard error when it is a terminal (app/progress). */
	bool progress;
	int first_arg; /* argv index of the command, argc if none */
	int argc;      /* argc once the global options after the command were
	                  taken out of argv */
};

/* Parses the global options before the command (getopt_long, stopping at
 * the first non-option), then takes the global options found after the
 * command out of argv (their exact long names, or -v, -u USER; up to a
 * "--", which stays), so that "pay --all --ascii" works: argv is
 * reordered, o->argc is its new length. Returns 0, 1 when --help/--version
 * was handled (exit 0), or -1 with *errp on a usage error. */
int cli_options_parse(int argc, char **argv, struct cli_options *o, char **errp);

/* Fills the options the command line left unset from the config file:
 * --config FILE, else $XDG_CONFIG_HOME/portail-famille/config, else
 * ~/.config/portail-famille/config (INI: url, user, password_command, in
 * any section). A missing default file is fine; a missing --config file or
 * a malformed one is an error. */
int cli_config_load(struct cli_options *o, char **errp);
/* The same from an open file (path names it in messages). */
int cli_config_read(struct cli_options *o, FILE *f, const char *path, char **errp);

void cli_options_free(struct cli_options *o);

/* The usage text printed by --help. */
extern const char cli_usage[];

#endif
