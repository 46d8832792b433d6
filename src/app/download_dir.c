/* Where "Downloads" is, as the desktop (xdg-user-dirs) says. */
#include "config.h"

#include "app/download_dir.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "util/xalloc.h"

#define XDG_USER_DIR_TIMEOUT_MS 2000
#define ANSWER_MAX 4096

extern char **environ;

static bool is_dir(const char *path)
{
	struct stat st;
	return path && *path && stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static long long now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* What the child writes on fd, up to ANSWER_MAX bytes or the deadline. */
static char *read_answer(int fd, long long deadline)
{
	char *buf = xmalloc(ANSWER_MAX + 1);
	size_t len = 0;
	for (;;) {
		long long left = deadline - now_ms();
		struct pollfd p = { .fd = fd, .events = POLLIN };
		if (left <= 0 || poll(&p, 1, (int)left) <= 0)
			break;
		ssize_t n = read(fd, buf + len, ANSWER_MAX - len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		len += (size_t)n;
		if (len == ANSWER_MAX)
			break;
	}
	buf[len] = '\0';
	buf[strcspn(buf, "\n")] = '\0';
	return buf;
}

/* `xdg-user-dir DOWNLOAD`'s first line, or NULL when it cannot run. */
static char *xdg_user_dir(void)
{
	int fds[2];
	if (pipe2(fds, O_CLOEXEC) < 0)
		return NULL;
	posix_spawn_file_actions_t fa;
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addopen(&fa, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
	posix_spawn_file_actions_adddup2(&fa, fds[1], STDOUT_FILENO);
	posix_spawn_file_actions_addopen(&fa, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
	char *argv[] = { "xdg-user-dir", "DOWNLOAD", NULL };
	pid_t pid;
	int rc = posix_spawnp(&pid, "xdg-user-dir", &fa, NULL, argv, environ);
	posix_spawn_file_actions_destroy(&fa);
	close(fds[1]);
	if (rc != 0) {
		close(fds[0]);
		return NULL;
	}
	long long deadline = now_ms() + XDG_USER_DIR_TIMEOUT_MS;
	char *answer = read_answer(fds[0], deadline);
	close(fds[0]);
	int status = 0;
	pid_t done;
	while ((done = waitpid(pid, &status, WNOHANG)) == 0 && now_ms() < deadline) {
		struct timespec pause = { 0, 10 * 1000000L };
		nanosleep(&pause, NULL);
	}
	if (done == 0) {
		kill(pid, SIGKILL); /* our own child, by its pid */
		while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
			;
	}
	if (done <= 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		free(answer);
		return NULL;
	}
	return answer;
}

static char *in_home(const char *home, const char *name)
{
	char *path = xasprintf("%s/%s", home, name);
	if (is_dir(path))
		return path;
	free(path);
	return NULL;
}

char *download_dir_find(void)
{
	const char *env = getenv("XDG_DOWNLOAD_DIR");
	if (is_dir(env))
		return xstrdup(env);
	const char *home = getenv("HOME");
	char *xdg = xdg_user_dir();
	bool is_home = xdg && home && strcmp(xdg, home) == 0;
	if (xdg && xdg[0] == '/' && !is_home && is_dir(xdg))
		return xdg;
	free(xdg);
	char *found = NULL;
	if (home && *home) {
		found = in_home(home, "Téléchargements");
		if (!found)
			found = in_home(home, "Downloads");
	}
	if (found)
		return found;
	char *cwd = getcwd(NULL, 0);
	return cwd ? cwd : xstrdup(".");
}
