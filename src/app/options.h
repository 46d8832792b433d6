/* Global command-line options and the config file behind them. */
#ifndef PF_APP_OPTIONS_H
#define PF_APP_OPTIONS_H

#include <stdbool.h>
#include <stdio.h>

/* A section [NAME] of the config file, or its defaults (name NULL). */
struct cli_profile {
	char *name;
	char *url, *user, *password_command, *password_file, *cookie_file, *ca_file;
	long timeout;          /* 0: not set */
	int arrow_cursor;      /* 0: not set, 1: no, 2: yes */
	char *default_profile; /* the defaults' "profile" key */
};

struct cli_options {
	char *url;              /* --url, config "url" */
	char *user;             /* --user, config "user" */
	char *password_command; /* --password-command, config "password_command" */
	char *password_file;    /* --password-file */
	char *ca_file;          /* --ca-file */
	char *cookie_file;      /* --cookie-file */
	char *save_dir;         /* --save-pages */
	char *config_file;      /* --config (else the XDG default) */
	char *profile;          /* --profile, $PORTAIL_FAMILLE_PROFILE, or the config's */
	/* The config file as read (app/config.h): its path, defaults and
	 * sections; config_loaded once it was read. */
	char *config_path;
	struct cli_profile config_defaults;
	struct cli_profile *profiles;
	size_t nprofiles;
	bool config_loaded;
	long timeout; /* --timeout seconds, 0 = defaults */
	bool verbose; /* -v */
	bool demo;    /* --demo */
	/* --demo-latency, --demo-bandwidth, --demo-fault: the demo portal's own
	 * options (--latency-ms N, ...), NULL-terminated, each owned. */
	char **demo_args;
	size_t ndemo_args;
	bool ascii, no_color, plain; /* the UI's --ascii, --no-color, --plain */
	bool arrow_cursor;           /* --arrow-cursor, config arrow_cursor */
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

void cli_options_free(struct cli_options *o);

/* The usage text printed by --help. */
extern const char cli_usage[];

#endif
