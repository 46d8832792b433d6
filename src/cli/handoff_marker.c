/* handoffs.json: the hand-offs of the last days, to warn before paying twice. */
#include "config.h"

#include "cli/handoff_marker.h"

#include <errno.h>
#include <stdbool.h>
#include <fcntl.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/xalloc.h"

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

/* The recorded entries (a JSON array), [] when there is no file yet. */
static json_t *load_entries(const char *path, char **errp)
{
	json_error_t jerr;
	FILE *f = fopen(path, "r");
	if (!f) {
		if (errno == ENOENT)
			return json_array();
		set_error(errp, "cannot read %s: %s", path, strerror(errno));
		return NULL;
	}
	json_t *entries = json_loadf(f, 0, &jerr);
	fclose(f);
	if (!json_is_array(entries)) {
		json_decref(entries);
		set_error(errp, "%s is not a list of hand-offs: remove it to start afresh", path);
		return NULL;
	}
	return entries;
}

static bool entry_is_recent(json_t *entry, time_t now)
{
	json_t *t = json_object_get(entry, "time");
	return json_is_integer(t) && now - (time_t)json_integer_value(t) < HANDOFF_MARKER_DAYS * 86400;
}

int handoff_marker_find(const char *const *numbers, size_t count, time_t *when,
                        const char **which, char **errp)
{
	char *path = handoff_marker_path();
	if (!path)
		return 0;
	json_t *entries = load_entries(path, errp);
	free(path);
	if (!entries)
		return -1;
	time_t now = time(NULL);
	size_t i;
	json_t *entry;
	int found = 0;
	json_array_foreach(entries, i, entry) {
		if (!entry_is_recent(entry, now))
			continue;
		size_t j;
		json_t *number;
		json_array_foreach(json_object_get(entry, "invoices"), j, number)
			for (size_t k = 0; k < count && !found; k++)
				if (json_is_string(number) &&
				    strcmp(json_string_value(number), numbers[k]) == 0) {
					found = 1;
					*which = numbers[k];
					*when = (time_t)json_integer_value(json_object_get(entry, "time"));
				}
	}
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
		return set_error(errp, "cannot create %s: %s", dir, strerror(errno));
	return chmod(dir, 0700) == 0 ? 0 : set_error(errp, "cannot protect %s", dir);
}

static json_t *new_entry(const char *const *numbers, size_t count, int64_t amount_cents)
{
	json_t *list = json_array();
	for (size_t i = 0; i < count; i++)
		json_array_append_new(list, json_string(numbers[i]));
	json_t *entry = json_object();
	json_object_set_new(entry, "invoices", list);
	json_object_set_new(entry, "amount_cents", json_integer(amount_cents));
	json_object_set_new(entry, "time", json_integer((json_int_t)time(NULL)));
	char stamp[32];
	time_t now = time(NULL);
	strftime(stamp, sizeof(stamp), "%Y-%m-%dT%H:%M:%SZ", gmtime(&now));
	json_object_set_new(entry, "utc", json_string(stamp));
	return entry;
}

/* Writes entries to path through a private temporary file and a rename, so
 * a crash never leaves half a file. */
static int save_entries(const char *path, json_t *entries, char **errp)
{
	char *tmp = xasprintf("%s.tmp", path);
	int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0600);
	int rc = -1;
	if (fd >= 0 && json_dumpfd(entries, fd, JSON_INDENT(1)) == 0 && fsync(fd) == 0)
		rc = 0;
	if (fd >= 0)
		close(fd);
	if (rc == 0 && rename(tmp, path) < 0)
		rc = -1;
	if (rc < 0) {
		set_error(errp, "cannot write %s: %s", path, strerror(errno));
		unlink(tmp);
	}
	free(tmp);
	return rc;
}

int handoff_marker_record(const char *const *numbers, size_t count, int64_t amount_cents,
                          char **errp)
{
	char *dir = state_dir();
	if (!dir)
		return set_error(errp, "no HOME: cannot record the hand-off");
	char *path = xasprintf("%s/handoffs.json", dir);
	json_t *entries = NULL;
	int rc = ensure_private_dir(dir, errp);
	if (rc == 0 && !(entries = load_entries(path, errp)))
		rc = -1;
	if (rc == 0) {
		json_t *kept = json_array();
		size_t i;
		json_t *entry;
		time_t now = time(NULL);
		json_array_foreach(entries, i, entry)
			if (entry_is_recent(entry, now))
				json_array_append(kept, entry);
		json_array_append_new(kept, new_entry(numbers, count, amount_cents));
		rc = save_entries(path, kept, errp);
		json_decref(kept);
	}
	json_decref(entries);
	free(path);
	free(dir);
	return rc;
}
