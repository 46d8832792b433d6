/* portail-famille-demo: the demo portal as a program of its own, started by
 * `portail-famille --demo` and by the end-to-end tests and the benchmarks.
 * Prints its login URL once listening, and stops
 * cleanly on SIGTERM, SIGINT, SIGHUP or when its standard input closes (so a
 * test script that dies cannot leave it running). */
#include "demo/demo.h"

#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int signal_pipe[2] = { -1, -1 };

static void on_signal(int sig)
{
	int saved = errno;
	unsigned char c = (unsigned char)sig;
	ssize_t w = write(signal_pipe[1], &c, 1);
	(void)w;
	errno = saved;
}

static void usage(FILE *out)
{
	fprintf(out,
	        "usage: portail-famille-demo [--port N] [--handoff VARIANT] [--expire-after N]\n"
	        "                            [--fault SPEC]... [--latency-ms N] [--bandwidth-bps N]\n"
	        "                            [--user U --password P] [--host ADDR] [--payfip-host NAME]\n"
	        "                            [--token-ttl SECONDS] [--verbose] [--ignore-stdin]\n"
	        "                            [--family martin|current|settled]\n"
	        "                            [--history page|list|none]\n"
	        "Serves the demo Portail familles on 127.0.0.1 (PORT 0 or none: any free port)\n"
	        "and prints its login URL. Stops on SIGTERM/SIGINT or when stdin closes\n"
	        "(unless --ignore-stdin). VARIANT: popup (default), direct, target,\n"
	        "redirects, autosubmit, button. --family: the seed's 2022 invoices\n"
	        "(martin), due dates counted from today (current), or all paid (settled).\n"
	        "--history: where payments are listed. Fault SPECs:\n%s",
	        demo_fault_help());
}

static int number(const char *opt, const char *s, unsigned long max, unsigned long *out)
{
	char *end;
	errno = 0;
	unsigned long v = strtoul(s, &end, 10);
	if (!*s || *s == '-' || *end || errno || v > max) {
		fprintf(stderr, "portail-famille-demo: %s needs a number up to %lu\n", opt, max);
		return -1;
	}
	*out = v;
	return 0;
}

int main(int argc, char **argv)
{
	enum {
		O_HOST = 256,
		O_PAYFIP,
		O_TTL,
		O_IGNORE_STDIN,
		O_FAMILY,
		O_HISTORY
	};
	static const struct option longopts[] = {
		{ "port", required_argument, NULL, 'p' },
		{ "handoff", required_argument, NULL, 'H' },
		{ "expire-after", required_argument, NULL, 'e' },
		{ "fault", required_argument, NULL, 'f' },
		{ "latency-ms", required_argument, NULL, 'l' },
		{ "bandwidth-bps", required_argument, NULL, 'b' },
		{ "user", required_argument, NULL, 'u' },
		{ "password", required_argument, NULL, 'P' },
		{ "host", required_argument, NULL, O_HOST },
		{ "payfip-host", required_argument, NULL, O_PAYFIP },
		{ "token-ttl", required_argument, NULL, O_TTL },
		{ "ignore-stdin", no_argument, NULL, O_IGNORE_STDIN },
		{ "family", required_argument, NULL, O_FAMILY },
		{ "history", required_argument, NULL, O_HISTORY },
		{ "verbose", no_argument, NULL, 'v' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct demo_options opts;
	memset(&opts, 0, sizeof opts);
	bool watch_stdin = true;
	unsigned long v;
	char *err = NULL;
	int c;
	while ((c = getopt_long(argc, argv, "p:H:e:f:l:b:u:P:vh", longopts, NULL)) != -1) {
		switch (c) {
		case 'p':
			if (number("--port", optarg, 65535, &v) < 0)
				return 2;
			opts.port = (unsigned)v;
			break;
		case 'H':
			if (demo_handoff_parse(optarg, &opts.handoff, &err) < 0)
				goto bad;
			break;
		case 'e':
			if (number("--expire-after", optarg, UINT_MAX, &v) < 0)
				return 2;
			opts.faults.expire_after = (unsigned)v;
			break;
		case 'f':
			if (demo_fault_parse(&opts.faults, optarg, &err) < 0)
				goto bad;
			break;
		case 'l':
			if (number("--latency-ms", optarg, 600000, &v) < 0)
				return 2;
			opts.faults.latency_ms = (unsigned)v;
			break;
		case 'b':
			if (number("--bandwidth-bps", optarg, ULONG_MAX, &v) < 0)
				return 2;
			opts.faults.bandwidth_bps = v;
			break;
		case 'u': opts.user = optarg; break;
		case 'P': opts.password = optarg; break;
		case O_HOST: opts.host = optarg; break;
		case O_PAYFIP: opts.payfip_host = optarg; break;
		case O_TTL:
			if (number("--token-ttl", optarg, 86400, &v) < 0)
				return 2;
			opts.token_ttl_s = (unsigned)v;
			break;
		case O_IGNORE_STDIN: watch_stdin = false; break;
		case O_FAMILY:
			if (demo_family_parse(optarg, &opts.family, &err) < 0)
				goto bad;
			break;
		case O_HISTORY:
			if (demo_history_parse(optarg, &opts.history, &err) < 0)
				goto bad;
			break;
		case 'v': opts.log = stderr; break;
		case 'h': usage(stdout); return 0;
		default: usage(stderr); return 2;
		}
	}
	if (optind < argc) {
		usage(stderr);
		return 2;
	}

	if (pipe(signal_pipe) < 0) {
		perror("portail-famille-demo: pipe");
		return 1;
	}
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);

	struct demo_server *srv = NULL;
	if (demo_start(&opts, &srv, &err) < 0) {
		fprintf(stderr, "portail-famille-demo: %s\n", err);
		free(err);
		close(signal_pipe[0]);
		close(signal_pipe[1]);
		return 1;
	}
	char *url = demo_login_url(srv);
	printf("%s\n", url);
	fflush(stdout);
	free(url);

	struct pollfd fds[2] = {
		{ signal_pipe[0], POLLIN, 0 },
		{ watch_stdin ? STDIN_FILENO : -1, POLLIN, 0 },
	};
	for (;;) {
		if (poll(fds, 2, -1) < 0) {
			if (errno == EINTR)
				continue;
			perror("portail-famille-demo: poll");
			break;
		}
		if (fds[0].revents)
			break;
		if (fds[1].revents) {
			char buf[512];
			ssize_t n = read(STDIN_FILENO, buf, sizeof buf);
			if (n == 0 || (n < 0 && errno != EINTR && errno != EAGAIN)) {
				if (opts.log)
					fprintf(stderr,
					        "portail-famille-demo: stdin closed, stopping\n");
				break;
			}
		}
	}
	demo_stop(&srv);
	close(signal_pipe[0]);
	close(signal_pipe[1]);
	return 0;

bad:
	fprintf(stderr, "portail-famille-demo: %s\n", err);
	free(err);
	return 2;
}
