/* The config file: defaults and profiles (INI sections), read with inih. */
#include "config.h"

#include "app/config_file.h"

#include <errno.h>
#include <ini.h>
#include <stdlib.h>
#include <string.h>

#include "util/i18n.h"
#include "util/strbuf.h"
#include "util/xalloc.h"
#include "portal/session.h"

#define PROFILE_ENV "PORTAIL_FAMILLE_PROFILE"
/* Enough for a family's accounts; more is a file that is not ours. */
#define CONFIG_MAX_PROFILES 64

/* A config file is a few lines: a bigger one is a mistake (--config on
 * the wrong file). */
#define CONFIG_MAX_BYTES (64u * 1024u)
/* inih reads a line in a buffer of INI_MAX_LINE bytes (Debian's: 200) and
 * parses the rest of a longer one as a line of its own: the error would
 * name a line the file does not have. Longer lines are refused first. */
#define CONFIG_MAX_LINE (INI_MAX_LINE - 2)

static void profile_clear(struct cli_profile *p)
{
	free(p->name);
	free(p->url);
	free(p->user);
	free(p->password_command);
	free(p->password_file);
	free(p->cookie_file);
	free(p->ca_file);
	free(p->default_profile);
	memset(p, 0, sizeof(*p));
}

static void forget_file(struct cli_options *o)
{
	profile_clear(&o->config_defaults);
	for (size_t i = 0; i < o->nprofiles; i++)
		profile_clear(&o->profiles[i]);
	free(o->profiles);
	o->profiles = NULL;
	o->nprofiles = 0;
	free(o->config_path);
	o->config_path = NULL;
}

void cli_config_free(struct cli_options *o)
{
	forget_file(o);
}

static struct cli_profile *find_profile(const struct cli_options *o, const char *name)
{
	for (size_t i = 0; name && i < o->nprofiles; i++)
		if (strcmp(o->profiles[i].name, name) == 0)
			return &o->profiles[i];
	return NULL;
}

struct parse_ctx {
	struct cli_options *o;
	bool too_many;
};

static struct cli_profile *section_of(struct parse_ctx *ctx, const char *section)
{
	struct cli_options *o = ctx->o;
	if (!*section)
		return &o->config_defaults;
	struct cli_profile *p = find_profile(o, section);
	if (p)
		return p;
	if (o->nprofiles == CONFIG_MAX_PROFILES) {
		ctx->too_many = true;
		return NULL;
	}
	o->profiles = xreallocarray(o->profiles, o->nprofiles + 1, sizeof(*o->profiles));
	p = &o->profiles[o->nprofiles++];
	memset(p, 0, sizeof(*p));
	p->name = xstrdup(section);
	return p;
}

static int set_field(char **field, const char *value)
{
	free(*field);
	*field = xstrdup(value);
	return 1;
}

static int on_key(void *user, const char *section, const char *name, const char *value)
{
	struct parse_ctx *ctx = user;
	struct cli_profile *p = section_of(ctx, section);
	if (!p)
		return 0;
	if (strcmp(name, "url") == 0)
		return set_field(&p->url, value);
	if (strcmp(name, "user") == 0)
		return set_field(&p->user, value);
	if (strcmp(name, "password_command") == 0)
		return set_field(&p->password_command, value);
	if (strcmp(name, "password_file") == 0)
		return set_field(&p->password_file, value);
	if (strcmp(name, "cookie_file") == 0)
		return set_field(&p->cookie_file, value);
	if (strcmp(name, "ca_file") == 0)
		return set_field(&p->ca_file, value);
	if (strcmp(name, "profile") == 0 && !*section)
		return set_field(&p->default_profile, value);
	if (strcmp(name, "arrow_cursor") == 0) {
		bool yes = strcmp(value, "yes") == 0 || strcmp(value, "true") == 0 ||
		           strcmp(value, "1") == 0;
		bool no = strcmp(value, "no") == 0 || strcmp(value, "false") == 0 ||
		          strcmp(value, "0") == 0;
		if (!yes && !no)
			return 0;
		p->arrow_cursor = yes ? 2 : 1;
		return 1;
	}
	if (strcmp(name, "timeout") == 0) {
		char *end;
		errno = 0;
		long v = strtol(value, &end, 10);
		if (errno || *end || end == value || v < 1 || v > 3600)
			return 0;
		p->timeout = v;
		return 1;
	}
	return 0; /* an unknown key: inih reports its line */
}

static char *default_config_path(void)
{
	const char *xdg = getenv("XDG_CONFIG_HOME");
	if (xdg && *xdg == '/')
		return xasprintf("%s/portail-famille/config", xdg);
	const char *home = getenv("HOME");
	return home && *home ? xasprintf("%s/.config/portail-famille/config", home) : NULL;
}

static int read_config_text(FILE *f, const char *path, char **text, char **errp)
{
	*text = xmalloc(CONFIG_MAX_BYTES + 1);
	size_t len = fread(*text, 1, CONFIG_MAX_BYTES + 1, f);
	if (ferror(f))
		return set_error(errp, _("cannot read the config file %s"), path);
	if (len > CONFIG_MAX_BYTES)
		return set_error(errp, _("config file %s: larger than %u bytes"), path,
		                 CONFIG_MAX_BYTES);
	if (memchr(*text, '\0', len))
		return set_error(errp, _("config file %s: not a text file (it holds NUL bytes)"),
		                 path);
	(*text)[len] = '\0';
	int line = 1;
	for (const char *p = *text; *p; line++) {
		size_t n = strcspn(p, "\n");
		if (n > CONFIG_MAX_LINE)
			return set_error(errp,
			                 _("config file %s, line %d: longer than %d characters"),
			                 path, line, CONFIG_MAX_LINE);
		p += n + (p[n] == '\n');
	}
	return 0;
}

/* Parses the file into o's defaults and profiles, choosing none. */
static int parse_file(struct cli_options *o, FILE *f, const char *path, char **errp)
{
	char *text = NULL;
	forget_file(o);
	o->config_path = xstrdup(path);
	if (read_config_text(f, path, &text, errp) < 0) {
		free(text);
		return -1;
	}
	struct parse_ctx ctx = { .o = o };
	int line = ini_parse_string(text, on_key, &ctx);
	free(text);
	if (ctx.too_many)
		return set_error(errp, _("config file %s, line %d: more than %d profiles"), path,
		                 line, CONFIG_MAX_PROFILES);
	if (line != 0)
		return set_error(errp,
		                 _("config file %s, line %d: expected url, user, password_command, "
		                   "password_file, cookie_file, ca_file, timeout (1 to 3600 s), "
		                   "arrow_cursor (yes or no) or, outside a section, profile"),
		                 path, line);
	return 0;
}

char *cli_config_profile_names(const struct cli_options *o)
{
	struct strbuf sb = STRBUF_INIT;
	strbuf_puts(&sb, "");
	for (size_t i = 0; i < o->nprofiles; i++)
		strbuf_printf(&sb, "%s%s", i ? ", " : "", o->profiles[i].name);
	return strbuf_detach(&sb);
}

const char *cli_profile_user(const struct cli_options *o, const struct cli_profile *p)
{
	return p->user ? p->user : o->config_defaults.user ? o->config_defaults.user : "";
}

const char *cli_profile_url(const struct cli_options *o, const struct cli_profile *p)
{
	return p->url                   ? p->url
	       : o->config_defaults.url ? o->config_defaults.url
	                                : PORTAL_DEFAULT_URL;
}

const struct cli_profile *cli_config_profile(const struct cli_options *o)
{
	return find_profile(o, o->profile);
}

static void fill_string(char **field, const char *a, const char *b)
{
	if (*field)
		return;
	const char *value = a ? a : b;
	if (value)
		*field = xstrdup(value);
}

/* The command line's values stay; the profile's come next, then the
 * defaults'. */
static void fill_from(struct cli_options *o, const struct cli_profile *p)
{
	const struct cli_profile *d = &o->config_defaults;
	static const struct cli_profile none;
	if (!p)
		p = &none;
	fill_string(&o->url, p->url, d->url);
	fill_string(&o->user, p->user, d->user);
	fill_string(&o->password_command, p->password_command, d->password_command);
	fill_string(&o->password_file, p->password_file, d->password_file);
	fill_string(&o->cookie_file, p->cookie_file, d->cookie_file);
	fill_string(&o->ca_file, p->ca_file, d->ca_file);
	if (!o->timeout)
		o->timeout = p->timeout ? p->timeout : d->timeout;
	if (!o->arrow_cursor)
		o->arrow_cursor = (p->arrow_cursor ? p->arrow_cursor : d->arrow_cursor) == 2;
}

static int unknown_profile(const struct cli_options *o, const char *name, char **errp)
{
	char *names = cli_config_profile_names(o);
	if (o->nprofiles)
		set_error(errp, _("no profile \"%s\" in %s (its profiles: %s)"), name,
		          o->config_path ? o->config_path : "the config file", names);
	else
		set_error(errp, _("no profile \"%s\": %s has no [NAME] sections"), name,
		          o->config_path ? o->config_path : _("no config file"));
	free(names);
	return -1;
}

const char *cli_config_chosen(const struct cli_options *o)
{
	const char *env = getenv(PROFILE_ENV);
	if (o->profile)
		return o->profile;
	if (env && *env)
		return env;
	if (o->config_defaults.default_profile)
		return o->config_defaults.default_profile;
	return o->nprofiles == 1 ? o->profiles[0].name : NULL;
}

/* Which profile, and the options from it. */
static int apply(struct cli_options *o, char **errp)
{
	const char *chosen = cli_config_chosen(o);
	if (!o->profile && chosen)
		o->profile = xstrdup(chosen);
	if (o->profile && !find_profile(o, o->profile))
		return unknown_profile(o, o->profile, errp);
	if (!o->profile && o->nprofiles > 1 && !o->user && !o->config_defaults.user) {
		char *names = cli_config_profile_names(o);
		set_error(errp,
		          _("%s holds several profiles (%s): choose one with --profile NAME or %s"),
		          o->config_path, names, PROFILE_ENV);
		free(names);
		return -1;
	}
	fill_from(o, find_profile(o, o->profile));
	return 0;
}

int cli_config_read(struct cli_options *o, FILE *f, const char *path, char **errp)
{
	o->config_loaded = true;
	if (parse_file(o, f, path, errp) < 0)
		return -1;
	return apply(o, errp);
}

/* Opens the config file: 1 and *f when there is one, 0 when the default
 * file does not exist, -1 with *errp. */
static int open_config(const struct cli_options *o, FILE **f, char **path, char **errp)
{
	*path = o->config_file ? xstrdup(o->config_file) : default_config_path();
	*f = *path ? fopen(*path, "r") : NULL;
	if (*f)
		return 1;
	int missing_default = !o->config_file && (!*path || errno == ENOENT);
	int rc = missing_default ? 0
	                         : set_error(errp, _("cannot read the config file %s: %s"), *path,
	                                     strerror(errno));
	free(*path);
	*path = NULL;
	return rc;
}

int cli_config_load(struct cli_options *o, char **errp)
{
	if (o->config_loaded)
		return 0;
	FILE *f;
	char *path;
	int found = open_config(o, &f, &path, errp);
	if (found < 0)
		return -1;
	if (found == 0) {
		o->config_loaded = true;
		return apply(o, errp); /* --profile without a file: an error */
	}
	int rc = cli_config_read(o, f, path, errp);
	fclose(f);
	free(path);
	return rc;
}

int cli_config_load_profiles(struct cli_options *o, char **errp)
{
	FILE *f;
	char *path;
	int found = open_config(o, &f, &path, errp);
	if (found <= 0)
		return found;
	int rc = parse_file(o, f, path, errp);
	fclose(f);
	free(path);
	return rc;
}

int cli_config_switch(struct cli_options *o, const char *name, char **errp)
{
	const struct cli_profile *p = find_profile(o, name);
	if (!p)
		return unknown_profile(o, name, errp);
	char **account[] = { &o->url, &o->user, &o->password_command, &o->password_file,
		             &o->cookie_file };
	for (size_t i = 0; i < sizeof(account) / sizeof(account[0]); i++) {
		free(*account[i]);
		*account[i] = NULL;
	}
	free(o->profile);
	o->profile = xstrdup(name);
	fill_from(o, p);
	return 0;
}
