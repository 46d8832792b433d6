/* Starting and stopping portail-famille-demo for --demo. */
#include "config.h"

#include "util/i18n.h"
#include "app/demo_child.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "util/xalloc.h"

#ifndef PF_PKGLIBEXECDIR
#define PF_PKGLIBEXECDIR "/usr/local/libexec/portail-famille"
#endif

#define DEMO_PROGRAM "portail-famille-demo"
#define START_TIMEOUT_MS 15000
#define STOP_TIMEOUT_MS 2000

static char *executable_or_free(char *path)
{
	if (path && access(path, X_OK) == 0)
		return path;
	free(path);
	return NULL;
}

/* In the build tree the client is src/portail-famille and the demo
 * src/demo/portail-famille-demo. */
static char *next_to_binary(void)
{
	char self[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", self, sizeof(self) - 1);
	if (n <= 0)
		return NULL;
	self[n] = '\0';
	char *slash = strrchr(self, '/');
	if (!slash)
		return NULL;
	*slash = '\0';
	return executable_or_free(xasprintf("%s/demo/" DEMO_PROGRAM, self));
}

char *demo_child_program(void)
{
	const char *env = getenv("PORTAIL_FAMILLE_DEMO");
	if (env && *env)
		return executable_or_free(xstrdup(env));
	char *path = next_to_binary();
	return path ? path : executable_or_free(xstrdup(PF_PKGLIBEXECDIR "/" DEMO_PROGRAM));
}

/* In the child: its pipes as stdin and stdout, nothing else open, a
 * process group of its own. Never returns. */
static void exec_demo(const char *program, const char *const *args, int in, int out)
{
	setpgid(0, 0);
	int null = open("/dev/null", O_RDWR);
	if (dup2(in, STDIN_FILENO) < 0 || dup2(out, STDOUT_FILENO) < 0 ||
	    dup2(null, STDERR_FILENO) < 0)
		_exit(127);
	for (int fd = 3; fd < 1024; fd++)
		close(fd);
	size_t n = 0;
	while (args && args[n])
		n++;
	const char **argv = calloc(n + 2, sizeof(char *));
	if (!argv)
		_exit(127);
	argv[0] = program;
	for (size_t i = 0; i < n; i++)
		argv[i + 1] = args[i];
	signal(SIGPIPE, SIG_DFL);
	execv(program, (char *const *)argv);
	_exit(127);
}

static long long now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* The first line the demo prints: its login URL. */
static char *read_url(int fd)
{
	char buf[512];
	size_t len = 0;
	long long deadline = now_ms() + START_TIMEOUT_MS;
	while (len < sizeof(buf) - 1) {
		struct pollfd p = { .fd = fd, .events = POLLIN };
		long long left = deadline - now_ms();
		if (left <= 0 || poll(&p, 1, (int)left) <= 0) {
			if (errno == EINTR && left > 0)
				continue;
			return NULL;
		}
		ssize_t r = read(fd, buf + len, sizeof(buf) - 1 - len);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			return NULL;
		len += (size_t)r;
		char *nl = memchr(buf, '\n', len);
		if (nl)
			return xstrndup(buf, (size_t)(nl - buf));
	}
	return NULL;
}

int demo_child_start(const char *const *args, struct demo_child *child, char **login_url,
                     char **errp)
{
	memset(child, 0, sizeof(*child));
	char *program = demo_child_program();
	if (!program)
		return set_error(errp,
		                 _("the demo portal (%s) is not installed: looked next to this "
		                   "program and in %s"),
		                 DEMO_PROGRAM, PF_PKGLIBEXECDIR);
	int in[2], out[2];
	if (pipe2(in, O_CLOEXEC) < 0) {
		free(program);
		return set_error(errp, _("cannot start the demo portal: %s"), strerror(errno));
	}
	if (pipe2(out, O_CLOEXEC) < 0) {
		close(in[0]);
		close(in[1]);
		free(program);
		return set_error(errp, _("cannot start the demo portal: %s"), strerror(errno));
	}
	pid_t pid = fork();
	if (pid == 0)
		exec_demo(program, args, in[0], out[1]);
	close(in[0]);
	close(out[1]);
	if (pid < 0) {
		close(in[1]);
		close(out[0]);
		free(program);
		return set_error(errp, _("cannot start the demo portal: %s"), strerror(errno));
	}
	child->pid = pid;
	child->stdin_fd = in[1];
	char *url = read_url(out[0]);
	close(out[0]);
	if (!url) {
		demo_child_stop(child);
		set_error(errp, _("the demo portal (%s) did not start"), program);
		free(program);
		return -1;
	}
	free(program);
	*login_url = url;
	return 0;
}

void demo_child_stop(struct demo_child *child)
{
	if (child->pid <= 0)
		return;
	close(child->stdin_fd);
	child->stdin_fd = -1;
	long long deadline = now_ms() + STOP_TIMEOUT_MS;
	int status;
	while (waitpid(child->pid, &status, WNOHANG) == 0) {
		if (now_ms() >= deadline) {
			kill(child->pid, SIGKILL);
			waitpid(child->pid, &status, 0);
			break;
		}
		struct timespec pause = { 0, 5 * 1000000L };
		nanosleep(&pause, NULL);
	}
	child->pid = 0;
}
