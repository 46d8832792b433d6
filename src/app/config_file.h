/* The config file (INI, read with inih): defaults, and one section per
 * account (a profile), for the options the command line left unset. */
#ifndef PF_APP_CONFIG_FILE_H
#define PF_APP_CONFIG_FILE_H

#include <stdio.h>

#include "app/options.h"

/* Fills the options the command line left unset from the config file:
 * --config FILE, else $XDG_CONFIG_HOME/portail-famille/config, else
 * ~/.config/portail-famille/config. Keys outside a section are the
 * defaults; a section [NAME] is a profile whose keys win over them:
 *   url, user, password_command, password_file, cookie_file, ca_file,
 *   timeout, and (defaults only) profile = NAME, the one used when none
 *   is asked for.
 * The profile is --profile, else $PORTAIL_FAMILLE_PROFILE, else the
 * defaults' "profile", else the only section when there is one. An
 * unknown profile, or several and none chosen while the defaults name no
 * user, is an error naming the profiles. A missing default file is fine;
 * a missing --config file, a malformed one or an unknown key is an error
 * naming the file and line. Reads the file once: later calls return 0.
 * Returns 0, or -1 with *errp (a usage error, exit 2). */
int cli_config_load(struct cli_options *o, char **errp);
/* The same from an open file (path names it in messages). */
int cli_config_read(struct cli_options *o, FILE *f, const char *path, char **errp);

/* Reads the config file's profiles into o->profiles (o->config_path
 * names the file) without choosing one, for `profiles`. 0 or -1. */
int cli_config_load_profiles(struct cli_options *o, char **errp);

/* The profile's name as cli_config_load would choose it (not owned), or
 * NULL; it may name no profile of the file. */
const char *cli_config_chosen(const struct cli_options *o);

/* The profile o->profile names (NULL: none chosen, or no such profile). */
const struct cli_profile *cli_config_profile(const struct cli_options *o);

/* Switches the account to profile `name` (the interface's account menu):
 * the account's options (url, user, password_command, password_file,
 * cookie_file) become the profile's over the defaults, whatever the
 * command line said; the others stay. 0, or -1 with *errp. */
int cli_config_switch(struct cli_options *o, const char *name, char **errp);

/* A profile's user and portal address as a run with it would have them:
 * its own, else the defaults' (the address: else the portal's default),
 * "" for a user none gives. Not owned. */
const char *cli_profile_user(const struct cli_options *o, const struct cli_profile *p);
const char *cli_profile_url(const struct cli_options *o, const struct cli_profile *p);

/* Frees what the config file left in o (its path, defaults, profiles). */
void cli_config_free(struct cli_options *o);

/* "a, b, c": the profiles' names, newly allocated ("" when none). */
char *cli_config_profile_names(const struct cli_options *o);

#endif
