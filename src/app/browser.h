/* Opening a URL in the user's browser ($BROWSER, xdg-open), never through a shell. */
#ifndef PF_APP_BROWSER_H
#define PF_APP_BROWSER_H

/* Runs $BROWSER (a program name or path, no shell: its words are split on
 * spaces, "%s" replaced by the URL or the URL appended) and waits for it;
 * without $BROWSER, xdg-open or else sensible-browser found in $PATH, with
 * the URL; without any, "no browser: set $BROWSER, or install xdg-utils".
 * URLs with spaces or control characters are refused, and so is any URL
 * url_check_allowed refuses (file:, ftp:, plain http off the loopback...).
 * Returns 0, or -1 with *errp. */
int browser_open(const char *url, char **errp);

#endif
