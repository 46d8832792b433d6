/* The memory floor libcurl sets for any program using it, measured as
 * web/curl_lazy.c uses it: loaded with dlopen (GnuTLS's implicit
 * initialisation off while loading), curl_global_init, then one GET of
 * the URL given. Prints "key value" lines in kB: the resident set after
 * each step and the peak. A benchmark tool, not a test.
 *   libcurl-floor SONAME URL */
#define CURL_DISABLE_TYPECHECK 1
#include <curl/curl.h>

#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static long status_kb(const char *key)
{
	FILE *f = fopen("/proc/self/status", "r");
	char line[256];
	long kb = -1;
	size_t n = strlen(key);
	while (f && fgets(line, sizeof line, f))
		if (strncmp(line, key, n) == 0 && line[n] == ':')
			kb = strtol(line + n + 1, NULL, 10);
	if (f)
		fclose(f);
	return kb;
}

static size_t discard(char *data, size_t size, size_t count, void *arg)
{
	(void)data;
	(void)arg;
	return size * count;
}

int main(int argc, char **argv)
{
	if (argc != 3) {
		fprintf(stderr, "usage: libcurl-floor SONAME URL\n");
		return 2;
	}
	setenv("GNUTLS_NO_IMPLICIT_INIT", "1", 1);
	void *lib = dlopen(argv[1], RTLD_NOW | RTLD_LOCAL);
	unsetenv("GNUTLS_NO_IMPLICIT_INIT");
	if (!lib) {
		fprintf(stderr, "libcurl-floor: %s\n", dlerror());
		return 1;
	}
	printf("floor.loaded %ld\n", status_kb("VmRSS"));
	CURLcode (*global_init)(long) = (CURLcode(*)(long))dlsym(lib, "curl_global_init");
	CURL *(*easy_init)(void) = (CURL * (*)(void)) dlsym(lib, "curl_easy_init");
	CURLcode (*setopt)(CURL *, CURLoption, ...) =
		(CURLcode(*)(CURL *, CURLoption, ...))dlsym(lib, "curl_easy_setopt");
	CURLcode (*perform)(CURL *) = (CURLcode(*)(CURL *))dlsym(lib, "curl_easy_perform");
	void (*cleanup)(CURL *) = (void (*)(CURL *))dlsym(lib, "curl_easy_cleanup");
	if (!global_init || !easy_init || !setopt || !perform || !cleanup ||
	    global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
		fprintf(stderr, "libcurl-floor: cannot initialise %s\n", argv[1]);
		return 1;
	}
	printf("floor.initialised %ld\n", status_kb("VmRSS"));
	CURL *curl = easy_init();
	if (!curl)
		return 1;
	setopt(curl, CURLOPT_URL, argv[2]);
	setopt(curl, CURLOPT_ACCEPT_ENCODING, "");
	setopt(curl, CURLOPT_WRITEFUNCTION, discard);
	CURLcode rc = perform(curl);
	cleanup(curl);
	if (rc != CURLE_OK) {
		fprintf(stderr, "libcurl-floor: GET %s failed (%d)\n", argv[2], (int)rc);
		return 1;
	}
	printf("floor.fetched %ld\n", status_kb("VmRSS"));
	printf("floor.peak %ld\n", status_kb("VmHWM"));
	return 0;
}
