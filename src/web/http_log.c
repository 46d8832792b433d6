/* Request logs (-v) and saved pages (--save-pages), without secrets. */
#include "config.h"

#include "web/http_log.h"

#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "util/xalloc.h"
#include "web/url.h"

char *http_log_url(const char *url, bool sensitive)
{
	const char *query = strchr(url, '?');
	if (!sensitive || !query)
		return url_redacted(url);
	/* The query of a sensitive request is never shown, even redacted. */
	char *head = xstrndup(url, (size_t)(query - url));
	char *shown = url_redacted(head);
	char *out = xasprintf("%s?…", shown);
	free(head);
	free(shown);
	return out;
}

void http_log_transfer(FILE *log, CURL *curl, const char *method, const char *url, bool sensitive,
                       CURLcode rc, size_t body_len, bool compressed)
{
	if (!log)
		return;
	char *shown = http_log_url(url, sensitive);
	long status = 0;
	double seconds = 0;
	curl_off_t wire = 0;
	long headers = 0;
	curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
	curl_easy_getinfo(curl, CURLINFO_TOTAL_TIME, &seconds);
	curl_easy_getinfo(curl, CURLINFO_SIZE_DOWNLOAD_T, &wire);
	curl_easy_getinfo(curl, CURLINFO_HEADER_SIZE, &headers);
	wire += headers; /* what crossed the link: headers and body as sent */
	if (rc == CURLE_OK)
		fprintf(log,
		        "portail-famille: %s %s -> %ld, %zu bytes%s (%ld on the wire), %.3f s\n",
		        method, shown, status, body_len, compressed ? " compressed" : "",
		        (long)wire, seconds);
	else
		fprintf(log, "portail-famille: %s %s -> failed: %s, %.3f s\n", method, shown,
		        curl_easy_strerror(rc), seconds);
	free(shown);
}

/* 1234567 → "1,234,567": the log is English (gettext comes later). */
static void group_thousands(size_t n, char *buf, size_t size)
{
	char digits[32];
	int len = snprintf(digits, sizeof(digits), "%zu", n);
	size_t out = 0;
	for (int i = 0; i < len && out + 2 < size; i++) {
		if (i > 0 && (len - i) % 3 == 0)
			buf[out++] = ',';
		buf[out++] = digits[i];
	}
	buf[out] = '\0';
}

char *http_log_totals_text(const struct http_stats *stats)
{
	char wire[40], decoded[40];
	group_thousands(stats->bytes_down + stats->bytes_up, wire, sizeof(wire));
	group_thousands(stats->bytes_decoded, decoded, sizeof(decoded));
	return xasprintf("%s bytes on the wire (%s decoded)", wire, decoded);
}

void http_log_totals(FILE *log, const struct http_stats *stats)
{
	if (!log || stats->requests == 0)
		return;
	char *line = http_log_totals_text(stats);
	fprintf(log, "portail-famille: %s\n", line);
	free(line);
}

/* "127.0.0.1-v4-compte_factures.php5": safe characters only. */
static char *file_stem(const char *raw_url)
{
	char *url = url_redacted(raw_url);
	const char *start = strstr(url, "://");
	start = start ? start + 3 : url;
	size_t len = strcspn(start, "?#");
	if (len > 80)
		len = 80;
	char *stem = xstrndup(start, len);
	for (char *p = stem; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		      (*p >= '0' && *p <= '9') || *p == '.' || *p == '_' || *p == '-'))
			*p = '-';
	free(url);
	return stem;
}

void http_log_save(const char *dir, unsigned *counter, const struct http_response *response)
{
	if (!dir || !response->body)
		return;
	char *stem = file_stem(response->url);
	char *path = xasprintf("%s/%03u-%s.html", dir, ++*counter, stem);
	free(stem);
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0600);
	free(path);
	if (fd < 0)
		return;
	size_t done = 0;
	while (done < response->len) {
		ssize_t n = write(fd, response->body + done, response->len - done);
		if (n <= 0)
			break;
		done += (size_t)n;
	}
	close(fd);
}
