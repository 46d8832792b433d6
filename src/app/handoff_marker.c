/* handoffs.json: the hand-offs of the last days, to warn before paying twice. */
#include "config.h"

#include "util/i18n.h"
#include "app/handoff_marker.h"

#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/xalloc.h"
#include "web/url.h"

static char *state_dir(void)
{
	const char *xdg = getenv("XDG_STATE_HOME");
	if (xdg && *xdg == '/')
		return xasprintf("%s/portail-famille", xdg);
	const char *home = getenv("HOME");
	return home && *home ? xasprintf("%s/.local/state/portail-famille", home) : NULL;
}

char *handoff_marker_path(void)
{
	char *dir = state_dir();
	char *path = dir ? xasprintf("%s/handoffs.json", dir) : NULL;
	free(dir);
	return path;
}

/* Holds the lock file's flock for the read-modify-write of the records.
 * Returns its descriptor, or -1 with *errp. */
static int lock_records(const char *path, int how, char **errp)
{
	char *name = xasprintf("%s.lock", path);
	int fd = open(name, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
	if (fd < 0 && how == LOCK_SH && (errno == ENOENT || errno == EACCES || errno == EROFS))
		fd = open(name, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
	int rc = fd;
	while (fd >= 0 && (rc = flock(fd, how)) < 0 && errno == EINTR)
		;
	if (rc < 0) {
		set_error(errp, _("cannot lock %s: %s"), name, strerror(errno));
		if (fd >= 0)
			close(fd);
		fd = -1;
	}
	free(name);
	return fd;
}

static void unlock_records(int fd)
{
	if (fd >= 0)
		close(fd); /* releases the flock */
}

/* The recorded entries (a JSON array), [] when there is no file yet. */
static json_t *load_entries(const char *path, char **errp)
{
	json_error_t jerr;
	FILE *f = fopen(path, "r");
	if (!f) {
		if (errno == ENOENT)
			return json_array();
		set_error(errp, _("cannot read %s: %s"), path, strerror(errno));
		return NULL;
	}
	json_t *entries = json_loadf(f, 0, &jerr);
	fclose(f);
	if (!json_is_array(entries)) {
		json_decref(entries);
		set_error(errp, _("%s is not a list of hand-offs: remove it to start afresh"),
		          path);
		return NULL;
	}
	return entries;
}

static bool entry_is_recent(json_t *entry, time_t now)
{
	json_t *t = json_object_get(entry, "time");
	return json_is_integer(t) &&
	       now - (time_t)json_integer_value(t) < HANDOFF_MARKER_DAYS * 86400;
}

static bool same_text(json_t *value, const char *text)
{
	return json_is_string(value) && strcmp(json_string_value(value), text ? text : "") == 0;
}

/* The portal's host as recorded ("" when unknown). */
static char *account_host(const struct handoff_account *account)
{
	char *host = account && account->portal_url ? url_host(account->portal_url) : NULL;
	return host ? host : xstrdup("");
}

/* An entry counts for its own portal and user; one recorded before those
 * were kept counts for every account (it could be anyone's). */
static bool entry_is_account(json_t *entry, const char *host, const char *user)
{
	json_t *portal = json_object_get(entry, "portal");
	if (!portal)
		return true;
	return same_text(portal, host) && same_text(json_object_get(entry, "user"), user);
}

static const char *entry_number(json_t *entry, const char *const *numbers, size_t count)
{
	size_t j;
	json_t *number;
	json_array_foreach (json_object_get(entry, "invoices"), j, number)
		for (size_t k = 0; k < count; k++)
			if (same_text(number, numbers[k]))
				return numbers[k];
	return NULL;
}

int handoff_marker_find(const struct handoff_account *account, const char *const *numbers,
                        size_t count, time_t *when, const char **which, char **errp)
{
	char *path = handoff_marker_path();
	if (!path || access(path, F_OK) < 0) {
		free(path);
		return 0;
	}
	int lock = lock_records(path, LOCK_SH, errp);
	json_t *entries = lock >= 0 ? load_entries(path, errp) : NULL;
	unlock_records(lock);
	free(path);
	if (!entries)
		return -1;
	char *host = account_host(account);
	const char *user = account ? account->user : NULL;
	time_t now = time(NULL);
	size_t i;
	json_t *entry;
	int found = 0;
	json_array_foreach (entries, i, entry) {
		if (found || !entry_is_recent(entry, now) || !entry_is_account(entry, host, user))
			continue;
		const char *number = entry_number(entry, numbers, count);
		if (number) {
			found = 1;
			*which = number;
			*when = (time_t)json_integer_value(json_object_get(entry, "time"));
		}
	}
	free(host);
	json_decref(entries);
	return found;
}

static int ensure_private_dir(const char *dir, char **errp)
{
	/* mkdir -p for the XDG parents, 0700 for ours. */
	char *copy = xstrdup(dir);
	for (char *p = copy + 1; *p; p++)
		if (*p == '/') {
			*p = '\0';
			mkdir(copy, 0700);
			*p = '/';
		}
	free(copy);
	if (mkdir(dir, 0700) < 0 && errno != EEXIST)
		return set_error(errp, _("cannot create %s: %s"), dir, strerror(errno));
	return chmod(dir, 0700) == 0 ? 0 : set_error(errp, _("cannot protect %s"), dir);
}

static json_t *new_entry(const struct handoff_account *account, const char *const *numbers,
                         size_t count, int64_t amount_cents, const char *id)
{
	json_t *list = json_array();
	for (size_t i = 0; i < count; i++)
		json_array_append_new(list, json_string(numbers[i]));
	json_t *entry = json_object();
	char *host = account_host(account);
	json_object_set_new(entry, "id", json_string(id));
	json_object_set_new(entry, "portal", json_string(host));
	json_object_set_new(entry, "user",
	                    json_string(account && account->user ? account->user : ""));
	free(host);
	json_object_set_new(entry, "invoices", list);
	json_object_set_new(entry, "amount_cents", json_integer(amount_cents));
	time_t now = time(NULL);
	json_object_set_new(entry, "time", json_integer((json_int_t)now));
	char stamp[32];
	strftime(stamp, sizeof(stamp), "%Y-%m-%dT%H:%M:%SZ", gmtime(&now));
	json_object_set_new(entry, "utc", json_string(stamp));
	return entry;
}

/* Writes entries to path through a temporary file of this process and a
 * rename, so a crash never leaves half a file and two runs never write
 * into the same temporary file. */
static int save_entries(const char *path, json_t *entries, char **errp)
{
	char *tmp = xasprintf("%s.%ld.tmp", path, (long)getpid());
	int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0600);
	int rc = -1;
	if (fd >= 0 && json_dumpfd(entries, fd, JSON_INDENT(1)) == 0 && fsync(fd) == 0)
		rc = 0;
	if (fd >= 0)
		close(fd);
	if (rc == 0 && rename(tmp, path) < 0)
		rc = -1;
	if (rc < 0) {
		set_error(errp, _("cannot write %s: %s"), path, strerror(errno));
		unlink(tmp);
	}
	free(tmp);
	return rc;
}

/* Under the exclusive lock: the recent entries, minus the one called
 * drop_id (may be NULL), plus added (may be NULL, stolen), saved. */
static int rewrite_entries(const char *drop_id, json_t *added, char **errp)
{
	char *dir = state_dir();
	if (!dir) {
		json_decref(added);
		return set_error(errp, _("no HOME: cannot record the hand-off"));
	}
	char *path = xasprintf("%s/handoffs.json", dir);
	int lock = -1;
	json_t *entries = NULL;
	int rc = ensure_private_dir(dir, errp);
	if (rc == 0 && (lock = lock_records(path, LOCK_EX, errp)) < 0)
		rc = -1;
	if (rc == 0 && !(entries = load_entries(path, errp)))
		rc = -1;
	if (rc == 0) {
		json_t *kept = json_array();
		size_t i;
		json_t *entry;
		time_t now = time(NULL);
		json_array_foreach (entries, i, entry)
			if (entry_is_recent(entry, now) &&
			    !(drop_id && same_text(json_object_get(entry, "id"), drop_id)))
				json_array_append(kept, entry);
		if (added)
			json_array_append(kept, added);
		rc = save_entries(path, kept, errp);
		json_decref(kept);
	}
	unlock_records(lock);
	json_decref(added);
	json_decref(entries);
	free(path);
	free(dir);
	return rc;
}

int handoff_marker_record(const struct handoff_account *account, const char *const *numbers,
                          size_t count, int64_t amount_cents, char **id, char **errp)
{
	static unsigned serial;
	char *name = xasprintf("%ld-%ld-%u", (long)time(NULL), (long)getpid(), ++serial);
	int rc = rewrite_entries(NULL, new_entry(account, numbers, count, amount_cents, name),
	                         errp);
	if (rc == 0 && id)
		*id = name;
	else
		free(name);
	return rc;
}

int handoff_marker_forget(const char *id, char **errp)
{
	return id ? rewrite_entries(id, NULL, errp) : 0;
}
