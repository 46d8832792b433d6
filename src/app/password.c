/* Password sources: a command, a private file, the environment, a prompt. */
#include "config.h"

#include "util/i18n.h"
#include "app/password.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "util/xalloc.h"

#define ENV_NAME "PORTAIL_FAMILLE_PASSWORD"

extern char **environ;

void password_protect_process(void)
{
	struct rlimit none = { 0, 0 };
	setrlimit(RLIMIT_CORE, &none);
#ifndef PF_SANITIZERS
	prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
#endif
}

void password_take_environment(struct password_source *src)
{
	const char *value = getenv(ENV_NAME);
	if (value && *value)
		src->from_env = xstrdup(value);
	/* Wipe the bytes in place before unsetenv drops the pointer. */
	for (char **e = environ; e && *e; e++)
		if (strncmp(*e, ENV_NAME "=", sizeof(ENV_NAME)) == 0)
			explicit_bzero(*e + sizeof(ENV_NAME), strlen(*e + sizeof(ENV_NAME)));
	unsetenv(ENV_NAME);
}

void password_source_clear(struct password_source *src)
{
	if (src->from_env) {
		explicit_bzero(src->from_env, strlen(src->from_env));
		free(src->from_env);
		src->from_env = NULL;
	}
}

static long remaining_ms(const struct timespec *deadline)
{
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	return (deadline->tv_sec - now.tv_sec) * 1000 + (deadline->tv_nsec - now.tv_nsec) / 1000000;
}

/* The prompt's signals, caught while it waits (prompt_guard). */
static volatile sig_atomic_t prompt_signal;

/* wait_mask, when not NULL, is the signal mask while waiting for input
 * (ppoll): the prompt blocks its signals but there, so that one arriving
 * at any moment ends the wait. */
static int read_line(int fd, char *buf, size_t size, int timeout_s, const sigset_t *wait_mask,
                     char **errp)
{
	struct timespec deadline;
	buf[0] = '\0';
	clock_gettime(CLOCK_MONOTONIC, &deadline);
	deadline.tv_sec += timeout_s;
	size_t len = 0;
	for (;;) {
		if (timeout_s > 0 || wait_mask) {
			long ms = timeout_s > 0 ? remaining_ms(&deadline) : 0;
			struct timespec left = { ms / 1000, (ms % 1000) * 1000000 };
			struct pollfd p = { .fd = fd, .events = POLLIN };
			int ready = timeout_s > 0 && ms <= 0
			                    ? 0
			                    : ppoll(&p, 1, timeout_s > 0 ? &left : NULL, wait_mask);
			if (ready < 0 && errno == EINTR && prompt_signal)
				return set_error(errp, _("interrupted at the password prompt"));
			if (ready < 0 && errno == EINTR)
				continue;
			if (ready <= 0)
				return set_error(errp, _("no password within %d seconds"),
				                 timeout_s);
		}
		char c;
		ssize_t n = read(fd, &c, 1);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0 || c == '\n' || c == '\r')
			break;
		if (c == '\0')
			return set_error(errp, _("the password holds a NUL byte"));
		if (len + 1 >= size)
			return set_error(errp, _("the password is longer than %zu bytes"),
			                 size - 1);
		buf[len++] = c;
	}
	buf[len] = '\0';
	if (len == 0)
		return set_error(errp, _("the password is empty"));
	return 0;
}

int password_read_line(int fd, char *buf, size_t size, int timeout_s, char **errp)
{
	return read_line(fd, buf, size, timeout_s, NULL, errp);
}

/* Hands the terminal's foreground to process group pgrp (a password
 * command that asks on /dev/tty, like pinentry, needs it); the caller
 * checked that we hold it. Returns true if done. */
static bool give_terminal(int tty, pid_t pgrp)
{
	struct sigaction ignore = { .sa_handler = SIG_IGN }, saved;
	sigemptyset(&ignore.sa_mask);
	sigaction(SIGTTOU, &ignore, &saved);
	bool done = tcsetpgrp(tty, pgrp) == 0;
	sigaction(SIGTTOU, &saved, NULL);
	return done;
}

/* In the child, before exec: its own group takes the foreground at once,
 * so a prompt on /dev/tty cannot race the parent's tcsetpgrp. */
static void give_terminal_to_self(int tty)
{
	signal(SIGTTOU, SIG_IGN);
	tcsetpgrp(tty, getpid());
	signal(SIGTTOU, SIG_DFL);
}

/* Takes the terminal's foreground back after the command. */
static void take_terminal_back(int tty)
{
	struct sigaction ignore = { .sa_handler = SIG_IGN }, saved;
	sigemptyset(&ignore.sa_mask);
	sigaction(SIGTTOU, &ignore, &saved);
	tcsetpgrp(tty, getpgrp());
	sigaction(SIGTTOU, &saved, NULL);
}

static int from_command(const char *command, char *buf, size_t size, char **errp)
{
	int pipefd[2];
	if (pipe2(pipefd, O_CLOEXEC) < 0)
		return set_error(errp, _("cannot run the password command: %s"), strerror(errno));
	int tty = open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC);
	bool foreground = tty >= 0 && tcgetpgrp(tty) == getpgrp();
	pid_t pid = fork();
	if (pid < 0) {
		close(pipefd[0]);
		close(pipefd[1]);
		if (tty >= 0)
			close(tty);
		return set_error(errp, _("cannot run the password command: %s"), strerror(errno));
	}
	if (pid == 0) {
		/* A group of its own, so that a time-out ends the command's
		 * children too (sh -c 'sleep 100' leaves sleep behind otherwise),
		 * in the terminal's foreground so that it may still prompt there. */
		setpgid(0, 0);
		if (foreground)
			give_terminal_to_self(tty);
		dup2(pipefd[1], STDOUT_FILENO);
		execl("/bin/sh", "sh", "-c", command, (char *)NULL);
		_exit(127);
	}
	setpgid(pid, pid); /* also here: no race with the child's own call */
	bool gave = foreground && give_terminal(tty, pid);
	close(pipefd[1]);
	char *why = NULL;
	int rc = password_read_line(pipefd[0], buf, size, PASSWORD_COMMAND_TIMEOUT, &why);
	close(pipefd[0]);
	if (rc < 0)
		kill(-pid, SIGTERM);
	int status = 0;
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	if (gave)
		take_terminal_back(tty);
	if (tty >= 0)
		close(tty);
	/* A command that failed says more than the empty line it left ("false"):
	 * its status, unless we ended it ourselves (time-out, a line too long or
	 * with a NUL: then the pipe was closed on it and its status says less). */
	bool nothing_read = rc < 0 && buf[0] == '\0' && strstr(why, "empty");
	if (nothing_read && WIFEXITED(status) && WEXITSTATUS(status) != 0) {
		free(why);
		why = NULL;
		rc = 0;
	}
	if (rc < 0) {
		set_error(errp, _("password command: %s"), why);
		free(why);
		return -1;
	}
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		explicit_bzero(buf, size);
		return set_error(errp, _("the password command failed (%s %d)"),
		                 WIFEXITED(status) ? "exit status" : "signal",
		                 WIFEXITED(status) ? WEXITSTATUS(status) : WTERMSIG(status));
	}
	return 0;
}

static int from_file(const char *path, char *buf, size_t size, char **errp)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
	if (fd < 0)
		return set_error(errp, _("cannot open the password file %s: %s"), path,
		                 strerror(errno));
	struct stat st;
	/* fstat on the open descriptor: no window between check and read. */
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode)) {
		close(fd);
		return set_error(errp, _("the password file %s is not a regular file"), path);
	}
	if (st.st_mode & 077) {
		close(fd);
		return set_error(errp,
		                 _("the password file %s can be read by others (mode %03o): "
		                   "run chmod 600 %s"),
		                 path, (unsigned)(st.st_mode & 0777), path);
	}
	if (st.st_uid != getuid()) {
		close(fd);
		return set_error(errp, _("the password file %s belongs to another user"), path);
	}
	char *why = NULL;
	int rc = password_read_line(fd, buf, size, 0, &why);
	close(fd);
	if (rc < 0) {
		set_error(errp, _("password file %s: %s"), path, why);
		free(why);
	}
	return rc;
}

/* The signals that would leave the terminal without echo if they killed
 * us at the prompt (Ctrl-C, Ctrl-\, a closed terminal, kill...). */
static const int prompt_signals[] = { SIGINT,  SIGTERM, SIGHUP,  SIGQUIT,
	                              SIGUSR1, SIGUSR2, SIGALRM, SIGPIPE };
#define NPROMPT (sizeof(prompt_signals) / sizeof(prompt_signals[0]))

struct prompt_guard {
	sigset_t old_mask; /* also the mask while the prompt waits */
	struct sigaction previous[NPROMPT];
	bool caught[NPROMPT]; /* ours while the prompt waits */
};

static void on_prompt_signal(int sig)
{
	prompt_signal = sig;
}

/* Blocks and catches the prompt's signals (but those ignored): the wait
 * ends on the first one, echo comes back, then prompt_guard_end hands the
 * signal on. */
static void prompt_guard_start(struct prompt_guard *g)
{
	struct sigaction sa = { .sa_handler = on_prompt_signal };
	sigset_t block;
	sigemptyset(&sa.sa_mask);
	sigemptyset(&block);
	prompt_signal = 0;
	for (size_t i = 0; i < NPROMPT; i++) {
		g->caught[i] = sigaction(prompt_signals[i], NULL, &g->previous[i]) == 0 &&
		               g->previous[i].sa_handler != SIG_IGN;
		if (g->caught[i])
			sigaddset(&block, prompt_signals[i]);
	}
	sigprocmask(SIG_BLOCK, &block, &g->old_mask);
	for (size_t i = 0; i < NPROMPT; i++)
		if (g->caught[i])
			sigaction(prompt_signals[i], &sa, NULL);
}

/* The signal caught, raised again under its old disposition: the command
 * line's handler cancels (Ctrl-C: exit 130), a default one kills, as it
 * would have without the prompt, but with echo back on. */
static void prompt_guard_end(struct prompt_guard *g)
{
	for (size_t i = 0; i < NPROMPT; i++)
		if (g->caught[i])
			sigaction(prompt_signals[i], &g->previous[i], NULL);
	if (prompt_signal)
		raise(prompt_signal);
	prompt_signal = 0;
	sigprocmask(SIG_SETMASK, &g->old_mask, NULL);
}

static int from_prompt(const struct password_source *src, char *buf, size_t size, char **errp)
{
	int fd = open("/dev/tty", O_RDWR | O_CLOEXEC | O_NOCTTY);
	if (fd < 0)
		return set_error(errp, _("no password: use --password-command, --password-file or "
		                         "PORTAIL_FAMILLE_PASSWORD, or run on a terminal"));
	struct prompt_guard guard;
	prompt_guard_start(&guard);
	struct termios saved, quiet;
	bool is_tty = tcgetattr(fd, &saved) == 0;
	if (is_tty) {
		quiet = saved;
		quiet.c_lflag &= ~(tcflag_t)(ECHO | ECHONL);
		quiet.c_lflag |= ICANON;
		tcsetattr(fd, TCSAFLUSH, &quiet);
	}
	dprintf(fd, "Mot de passe%s%s%s%s : ", src->user ? " de " : "", src->user ? src->user : "",
	        src->host ? " sur " : "", src->host ? src->host : "");
	char *why = NULL;
	int rc = read_line(fd, buf, size, 0, &guard.old_mask, &why);
	if (is_tty)
		tcsetattr(fd, TCSAFLUSH, &saved);
	dprintf(fd, "\n");
	close(fd);
	prompt_guard_end(&guard);
	if (rc < 0) {
		set_error(errp, "%s", why);
		free(why);
	}
	return rc;
}

static int copy_secret(const char *secret, char *buf, size_t size, char **errp)
{
	size_t len = strlen(secret);
	if (len + 1 > size)
		return set_error(errp, _("the password is longer than %zu bytes"), size - 1);
	if (strpbrk(secret, "\r\n"))
		return set_error(errp, _("the password holds a line break"));
	memcpy(buf, secret, len + 1);
	return 0;
}

static int read_password(const struct password_source *src, char *buf, size_t size, char **errp)
{
	if (src->command)
		return from_command(src->command, buf, size, errp);
	if (src->file)
		return from_file(src->file, buf, size, errp);
	if (src->from_env)
		return copy_secret(src->from_env, buf, size, errp);
	if (src->fixed)
		return copy_secret(src->fixed, buf, size, errp);
	return from_prompt(src, buf, size, errp);
}

int password_get(void *ctx, char *buf, size_t size, char **errp)
{
	int rc = read_password(ctx, buf, size, errp);
	if (rc < 0)
		explicit_bzero(buf, size); /* a partial line is a partial secret */
	return rc;
}
