/* Exit codes, the same for every command (documented in the man page). */
#ifndef PF_CLI_EXIT_CODES_H
#define PF_CLI_EXIT_CODES_H

enum exit_code {
	EXIT_OK = 0,
	EXIT_ERROR = 1,           /* anything else */
	EXIT_USAGE = 2,           /* bad command line */
	EXIT_LOGIN_REFUSED = 3,   /* the portal refused the credentials */
	EXIT_NETWORK = 4,         /* network, TLS, timeout, HTTP error */
	EXIT_PAGE = 5,            /* a page was not understood */
	EXIT_NOTHING_PAYABLE = 6, /* no payable invoice matches the request */
	EXIT_REMINDERS = 7,       /* check: something is due (it was printed) */
};

#endif
