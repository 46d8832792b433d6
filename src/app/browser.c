/* $BROWSER (else xdg-open or sensible-browser), run with the URL as one
 * argument: no shell ever sees the URL. */
#include "config.h"

#include "util/i18n.h"
#include "app/browser.h"

#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "util/xalloc.h"
#include "web/url.h"

/* The first of the desktop's openers found in $PATH, newly allocated, or
 * NULL. */
static char *opener_in_path(void)
{
	static const char *const openers[] = { "xdg-open", "sensible-browser" };
	const char *path = getenv("PATH");
	if (!path || !*path)
		return NULL;
	for (size_t i = 0; i < sizeof(openers) / sizeof(openers[0]); i++) {
		for (const char *dir = path; *dir;) {
			size_t len = strcspn(dir, ":");
			/* An empty entry of $PATH is the current directory. */
			char *candidate = len ? xasprintf("%.*s/%s", (int)len, dir, openers[i])
			                      : xasprintf("./%s", openers[i]);
			if (access(candidate, X_OK) == 0)
				return candidate;
			free(candidate);
			dir += len + (dir[len] == ':');
		}
	}
	return NULL;
}

int browser_open(const char *url, char **errp)
{
	const char *env = getenv("BROWSER");
	char *found = NULL;
	if (!env || !*env)
		found = opener_in_path();
	const char *browser = found ? found : env;
	if (!browser || !*browser)
		return set_error(errp, _("no browser: set $BROWSER, or install xdg-utils"));
	/* A leading '-' would read as an option of the browser. */
	if (!url_is_plain(url) || *url == '-') {
		free(found);
		return set_error(errp, _("the payment URL holds spaces or control characters: not "
		                         "opened"));
	}
	/* The browser opens only what we would fetch ourselves: never a
	 * file:, ftp: or plain http link toward another machine. */
	char *why = NULL;
	if (url_check_allowed(url, &why) < 0) {
		set_error(errp, _("not opened: %s"), why);
		free(why);
		free(found);
		return -1;
	}
	/* A found opener is a path, maybe with spaces: one word. */
	char *words = xstrdup(browser);
	char *argv[34];
	size_t argc = 0;
	bool placed = false;
	char *save = NULL;
	if (found)
		argv[argc++] = words;
	for (char *w = found ? NULL : strtok_r(words, " \t", &save); w && argc < 32;
	     w = strtok_r(NULL, " \t", &save)) {
		placed = placed || strcmp(w, "%s") == 0;
		argv[argc++] = strcmp(w, "%s") == 0 ? (char *)url : w;
	}
	if (!placed)
		argv[argc++] = (char *)url;
	argv[argc] = NULL;
	pid_t pid = fork();
	if (pid == 0) {
		execvp(argv[0], argv);
		_exit(127);
	}
	int status = 0;
	while (pid > 0 && waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	int rc = 0;
	if (pid < 0 || !WIFEXITED(status) || WEXITSTATUS(status) == 127)
		rc = set_error(errp, _("cannot run the browser \"%s\""), argv[0]);
	free(words);
	free(found);
	return rc;
}
