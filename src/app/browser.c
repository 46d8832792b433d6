/* $BROWSER, run with the URL as one argument: no shell ever sees the URL. */
#include "config.h"

#include "app/browser.h"

#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "util/xalloc.h"
#include "web/url.h"

int browser_open(const char *url, char **errp)
{
	const char *browser = getenv("BROWSER");
	if (!browser || !*browser)
		return set_error(errp, "set $BROWSER (e.g. BROWSER=w3m) to open the payment page");
	/* A leading '-' would read as an option of the browser. */
	if (!url_is_plain(url) || *url == '-')
		return set_error(errp, "the payment URL holds spaces or control characters: not "
		                       "opened");
	/* The browser opens only what we would fetch ourselves: never a
	 * file:, ftp: or plain http link toward another machine. */
	char *why = NULL;
	if (url_check_allowed(url, &why) < 0) {
		set_error(errp, "not opened: %s", why);
		free(why);
		return -1;
	}
	char *words = xstrdup(browser);
	char *argv[34];
	size_t argc = 0;
	bool placed = false;
	char *save = NULL;
	for (char *w = strtok_r(words, " \t", &save); w && argc < 32;
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
		rc = set_error(errp, "cannot run the browser \"%s\"", argv[0]);
	free(words);
	return rc;
}
