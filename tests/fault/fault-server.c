/* fault-server: a tiny scripted HTTP server for tests/fault-matrix.sh, for
 * the faults the demo portal cannot produce: redirects to file:, http: or
 * javascript:, a redirect loop, a gzip bomb, a slow-loris drip, a TCP
 * black hole, an empty reply, and whole pages replayed from files (pages
 * saved from the demo with --save-pages, then spoiled: 16k nested tags, a
 * payment URL with escape sequences, renamed login fields...).
 *
 * usage: fault-server ROUTES [LOG]
 *        fault-server --syn-blackhole
 * Listens on 127.0.0.1 (a free port), prints http://127.0.0.1:PORT once
 * ready, and stops when its standard input closes or on SIGTERM/SIGINT.
 * One connection at a time, each answered with "Connection: close".
 * With --syn-blackhole, the port is a TCP black hole instead: a listening
 * socket whose accept queue is full, so the kernel drops every new SYN and
 * a client's connect() can only time out.
 *
 * ROUTES is read again for every request (tests rewrite it between runs),
 * one route a line, the first match wins; '#' starts a comment:
 *   METHOD PATH ACTION ARGS...
 * METHOD is GET, POST or *; PATH is compared with the request's path (query
 * string left out), a final '*' matches any rest. ACTION:
 *   file STATUS TYPE FILE   the file's bytes (FILE relative to ROUTES' dir)
 *   redirect STATUS URL     a Location header, empty body
 *   loop                    302 to the same path with one more 'x'
 *   gzipbomb BYTES          gzip of BYTES of spaces after an HTML head,
 *                           streamed (so it costs only what the client reads)
 *   drip MS                 200, Content-Length 1000000, one byte every MS ms
 *   blackhole               reads the request, never answers (until the
 *                           client leaves)
 *   close                   reads the request, closes without a byte
 * No route: 404. LOG, when given, gets "METHOD TARGET" for every request
 * (never a header or a body: the login POST holds a password). */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE /* accept4 */
#endif
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <unistd.h>
#include <zlib.h>

#define MAX_HEAD 65536
#define MAX_BODY (1024 * 1024)
#define HOLD_MS 120000 /* the longest a black hole or a drip holds a client */

static volatile sig_atomic_t stopping;
static const char *routes_path;
static char routes_dir[4096];
static FILE *log_file;

static void on_signal(int sig)
{
	(void)sig;
	stopping = 1;
}

/* Whether the test script closed our stdin (or a signal came): stop. */
static int should_stop(void)
{
	if (stopping)
		return 1;
	struct pollfd p = { .fd = STDIN_FILENO, .events = POLLIN };
	if (poll(&p, 1, 0) > 0) {
		char c;
		if (read(STDIN_FILENO, &c, 1) <= 0)
			stopping = 1;
	}
	return stopping;
}

static int send_all(int fd, const void *data, size_t len)
{
	const char *p = data;
	while (len > 0) {
		ssize_t n = send(fd, p, len, MSG_NOSIGNAL);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return -1;
		p += n;
		len -= (size_t)n;
	}
	return 0;
}

static int send_fmt(int fd, const char *fmt, ...)
{
	char buf[8192];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	if (n < 0 || (size_t)n >= sizeof buf)
		return -1;
	return send_all(fd, buf, (size_t)n);
}

/* Waits up to ms for the client to go away (or for us to stop). */
static void hold(int fd, int ms)
{
	char buf[4096];
	while (ms > 0 && !should_stop()) {
		struct pollfd p = { .fd = fd, .events = POLLIN };
		int r = poll(&p, 1, ms < 100 ? ms : 100);
		ms -= 100;
		if (r > 0 && recv(fd, buf, sizeof buf, 0) <= 0)
			return;
	}
}

static const char *status_text(int status)
{
	switch (status) {
	case 200: return "OK";
	case 301: return "Moved Permanently";
	case 302: return "Found";
	case 303: return "See Other";
	case 307: return "Temporary Redirect";
	case 404: return "Not Found";
	case 500: return "Internal Server Error";
	case 502: return "Bad Gateway";
	case 503: return "Service Unavailable";
	default: return "Status";
	}
}

static void reply_simple(int fd, int status, const char *type, const char *extra, const void *body,
                         size_t len)
{
	if (send_fmt(fd,
	             "HTTP/1.1 %d %s\r\nServer: fault-server\r\nContent-Type: %s\r\n"
	             "Content-Length: %zu\r\n%sConnection: close\r\n\r\n",
	             status, status_text(status), type, len, extra ? extra : "") == 0 &&
	    len)
		send_all(fd, body, len);
}

static void reply_file(int fd, int status, const char *type, const char *name)
{
	char path[8192];
	if (name[0] == '/')
		snprintf(path, sizeof path, "%s", name);
	else
		snprintf(path, sizeof path, "%s/%s", routes_dir, name);
	FILE *f = fopen(path, "rb");
	if (!f) {
		reply_simple(fd, 500, "text/plain", NULL, "no such file\n", 13);
		return;
	}
	size_t cap = 65536, len = 0;
	char *data = malloc(cap);
	size_t n;
	while (data && (n = fread(data + len, 1, cap - len, f)) > 0) {
		len += n;
		if (len == cap) {
			char *bigger = realloc(data, cap * 2);
			if (!bigger) {
				free(data);
				data = NULL;
				break;
			}
			data = bigger;
			cap *= 2;
		}
	}
	fclose(f);
	if (data)
		reply_simple(fd, status, type, NULL, data, len);
	free(data);
}

/* A gzip stream of an HTML head then `total` spaces, made as it is sent:
 * the client's byte cap ends it long before the whole gigabyte exists. */
static void reply_gzipbomb(int fd, unsigned long long total)
{
	if (send_fmt(fd, "HTTP/1.1 200 OK\r\nServer: fault-server\r\n"
	                 "Content-Type: text/html; charset=UTF-8\r\nContent-Encoding: gzip\r\n"
	                 "Connection: close\r\n\r\n") < 0)
		return;
	z_stream z;
	memset(&z, 0, sizeof z);
	if (deflateInit2(&z, 9, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY) != Z_OK)
		return;
	static const char head[] = "<html><head><title>bomb</title></head><body><p>";
	static char spaces[1 << 16];
	static unsigned char out[1 << 16];
	memset(spaces, ' ', sizeof spaces);
	unsigned long long left = total;
	int first = 1, flush;
	do {
		if (first) {
			z.next_in = (Bytef *)head;
			z.avail_in = sizeof head - 1;
			first = 0;
		} else {
			size_t chunk = left < sizeof spaces ? (size_t)left : sizeof spaces;
			z.next_in = (Bytef *)spaces;
			z.avail_in = (uInt)chunk;
			left -= chunk;
		}
		flush = left ? Z_NO_FLUSH : Z_FINISH;
		do {
			z.next_out = out;
			z.avail_out = sizeof out;
			deflate(&z, flush);
			size_t have = sizeof out - z.avail_out;
			if (have && send_all(fd, out, have) < 0) {
				deflateEnd(&z);
				return; /* the client gave up: what we want */
			}
		} while (z.avail_out == 0);
	} while (flush != Z_FINISH && !should_stop());
	deflateEnd(&z);
}

static void reply_drip(int fd, int ms)
{
	if (send_fmt(fd, "HTTP/1.1 200 OK\r\nServer: fault-server\r\n"
	                 "Content-Type: text/html; charset=UTF-8\r\nContent-Length: 1000000\r\n"
	                 "Connection: close\r\n\r\n") < 0)
		return;
	const char *body = "<html><head><title>slow</title></head><body>";
	char sink[512];
	for (int elapsed = 0; elapsed < HOLD_MS && !should_stop(); elapsed += ms) {
		if (send_all(fd, body, 1) < 0)
			return;
		if (body[1])
			body++;
		/* Between two bytes, notice at once a client that gave up: the
		 * next one must not wait behind it. */
		struct pollfd p = { .fd = fd, .events = POLLIN };
		if (poll(&p, 1, ms) > 0 && recv(fd, sink, sizeof sink, 0) <= 0)
			return;
	}
}

/* Reads one request: the head, then a Content-Length body (dropped). */
static int read_request(int fd, char *method, size_t msize, char *target, size_t tsize)
{
	static char head[MAX_HEAD + 1];
	size_t len = 0;
	char *end = NULL;
	while (!end) {
		struct pollfd p = { .fd = fd, .events = POLLIN };
		if (poll(&p, 1, 10000) <= 0 || len == MAX_HEAD)
			return -1;
		ssize_t n = recv(fd, head + len, MAX_HEAD - len, 0);
		if (n <= 0)
			return -1;
		len += (size_t)n;
		head[len] = '\0';
		end = strstr(head, "\r\n\r\n");
	}
	size_t have = len - (size_t)(end + 4 - head);
	*end = '\0';
	/* "METHOD TARGET HTTP/1.1" */
	size_t mlen = strcspn(head, " "), tlen;
	if (mlen == 0 || mlen >= msize || head[mlen] != ' ')
		return -1;
	memcpy(method, head, mlen);
	method[mlen] = '\0';
	const char *t = head + mlen + 1;
	tlen = strcspn(t, " \r\n");
	if (tlen == 0 || tlen >= tsize)
		return -1;
	memcpy(target, t, tlen);
	target[tlen] = '\0';
	size_t want = 0;
	for (char *h = strstr(head, "\r\n"); h; h = strstr(h + 2, "\r\n"))
		if (strncasecmp(h + 2, "Content-Length:", 15) == 0)
			want = strtoul(h + 17, NULL, 10);
	if (want > MAX_BODY)
		return -1;
	char sink[4096];
	while (have < want) {
		struct pollfd p = { .fd = fd, .events = POLLIN };
		if (poll(&p, 1, 10000) <= 0)
			return -1;
		ssize_t n = recv(fd, sink, sizeof sink, 0);
		if (n <= 0)
			return -1;
		have += (size_t)n;
	}
	return 0;
}

/* A socket listening on 127.0.0.1, on any free port (*addr says which);
 * -1 with a message on failure. */
static int listen_loopback(int backlog, struct sockaddr_in *addr)
{
	int ls = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
	int one = 1;
	memset(addr, 0, sizeof *addr);
	addr->sin_family = AF_INET;
	addr->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	socklen_t alen = sizeof *addr;
	if (ls < 0 || setsockopt(ls, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one) < 0 ||
	    bind(ls, (struct sockaddr *)addr, sizeof *addr) < 0 || listen(ls, backlog) < 0 ||
	    getsockname(ls, (struct sockaddr *)addr, &alen) < 0) {
		perror("fault-server");
		if (ls >= 0)
			close(ls);
		return -1;
	}
	return ls;
}

/* A listening socket nobody accepts from, its queue filled by ourselves:
 * the client's SYNs are dropped (Linux drops them when the accept queue is
 * full), as behind a firewall that swallows packets. */
static int syn_blackhole(void)
{
	struct sockaddr_in addr;
	int ls = listen_loopback(0, &addr);
	if (ls < 0)
		return 1;
	int filler[8], nfill = 0;
	while (nfill < 8) {
		int c = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
		if (c < 0)
			break;
		int rc = connect(c, (struct sockaddr *)&addr, sizeof addr);
		struct pollfd p = { .fd = c, .events = POLLOUT };
		if (rc < 0 && (errno != EINPROGRESS || poll(&p, 1, 300) <= 0)) {
			close(c); /* this one was dropped: the queue is full */
			break;
		}
		filler[nfill++] = c;
	}
	printf("http://127.0.0.1:%u\n", (unsigned)ntohs(addr.sin_port));
	fflush(stdout);
	while (!should_stop())
		poll(NULL, 0, 200);
	while (nfill > 0)
		close(filler[--nfill]);
	close(ls);
	return 0;
}

static int path_matches(const char *pattern, const char *path)
{
	size_t n = strlen(pattern);
	if (n > 0 && pattern[n - 1] == '*')
		return strncmp(pattern, path, n - 1) == 0;
	return strcmp(pattern, path) == 0;
}

static void serve(int fd)
{
	char method[16], target[8192];
	if (read_request(fd, method, sizeof method, target, sizeof target) < 0)
		return;
	if (log_file) {
		fprintf(log_file, "%s %s\n", method, target);
		fflush(log_file);
	}
	char path[8192];
	snprintf(path, sizeof path, "%s", target);
	path[strcspn(path, "?#")] = '\0';

	FILE *routes = fopen(routes_path, "r");
	char line[8192];
	while (routes && fgets(line, sizeof line, routes)) {
		line[strcspn(line, "#\r\n")] = '\0';
		char *save = NULL;
		char *m = strtok_r(line, " \t", &save);
		char *p = strtok_r(NULL, " \t", &save);
		char *action = strtok_r(NULL, " \t", &save);
		if (!m || !p || !action)
			continue;
		if ((strcmp(m, "*") != 0 && strcmp(m, method) != 0) || !path_matches(p, path))
			continue;
		char *a1 = strtok_r(NULL, " \t", &save);
		char *a2 = strtok_r(NULL, " \t", &save);
		char *a3 = strtok_r(NULL, " \t", &save);
		fclose(routes);
		if (strcmp(action, "file") == 0 && a1 && a2 && a3) {
			reply_file(fd, atoi(a1), a2, a3);
		} else if (strcmp(action, "redirect") == 0 && a1 && a2) {
			char extra[8300];
			snprintf(extra, sizeof extra, "Location: %s\r\n", a2);
			reply_simple(fd, atoi(a1), "text/html", extra, NULL, 0);
		} else if (strcmp(action, "loop") == 0) {
			char extra[8300];
			snprintf(extra, sizeof extra, "Location: %.8000sx\r\n", path);
			reply_simple(fd, 302, "text/html", extra, NULL, 0);
		} else if (strcmp(action, "gzipbomb") == 0 && a1) {
			reply_gzipbomb(fd, strtoull(a1, NULL, 10));
		} else if (strcmp(action, "drip") == 0 && a1) {
			reply_drip(fd, atoi(a1) > 0 ? atoi(a1) : 1000);
		} else if (strcmp(action, "blackhole") == 0) {
			hold(fd, HOLD_MS);
		} else if (strcmp(action, "close") == 0) {
			/* nothing at all */
		} else {
			reply_simple(fd, 500, "text/plain", NULL, "bad route\n", 10);
		}
		return;
	}
	if (routes)
		fclose(routes);
	reply_simple(fd, 404, "text/html", NULL, "<html><body>404</body></html>", 29);
}

int main(int argc, char **argv)
{
	if (argc < 2 || argc > 3) {
		fprintf(stderr,
		        "usage: fault-server ROUTES [LOG]\n       fault-server --syn-blackhole\n");
		return 2;
	}
	signal(SIGPIPE, SIG_IGN);
	if (strcmp(argv[1], "--syn-blackhole") == 0)
		return syn_blackhole();
	routes_path = argv[1];
	snprintf(routes_dir, sizeof routes_dir, "%s", routes_path);
	char *slash = strrchr(routes_dir, '/');
	if (slash)
		*slash = '\0';
	else
		snprintf(routes_dir, sizeof routes_dir, ".");
	if (argc == 3 && !(log_file = fopen(argv[2], "a"))) {
		perror(argv[2]);
		return 1;
	}
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);

	struct sockaddr_in addr;
	int ls = listen_loopback(16, &addr);
	if (ls < 0)
		return 1;
	printf("http://127.0.0.1:%u\n", (unsigned)ntohs(addr.sin_port));
	fflush(stdout);

	while (!should_stop()) {
		struct pollfd p[2] = { { .fd = ls, .events = POLLIN },
			               { .fd = STDIN_FILENO, .events = POLLIN } };
		if (poll(p, 2, 500) <= 0)
			continue;
		if (!(p[0].revents & POLLIN))
			continue;
		int fd = accept4(ls, NULL, NULL, SOCK_CLOEXEC);
		if (fd < 0)
			continue;
		serve(fd);
		shutdown(fd, SHUT_WR);
		close(fd);
	}
	close(ls);
	if (log_file)
		fclose(log_file);
	return 0;
}
