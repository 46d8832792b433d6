/* The memory floor libcurl sets for any program using it, measured as
 * web/curl_lazy.c uses it: loaded with dlopen (GnuTLS's implicit
 * initialisation off while loading), curl_global_init, then one GET of
 * the URL given. Prints "key value" lines in kB: the resident set after
 * each step and the peak, and the private dirty memory at the end. A
 * benchmark tool, not a test.
 *   libcurl-floor SONAME URL
 * With FLOOR_OPENSSL_INIT=FLAGS (e.g. 0x1: OPENSSL_INIT_NO_LOAD_CRYPTO_STRINGS,
 * 0x80: OPENSSL_INIT_NO_LOAD_CONFIG), OpenSSL is initialised with those flags
 * before curl_global_init, which then cannot undo them: what OpenSSL's
 * error strings and configuration cost, for docs/benchmarks.md. */
#define CURL_DISABLE_TYPECHECK 1
#include <curl/curl.h>

#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The "KEY: N kB" line of a /proc/self file. */
static long proc_kb(const char *file, const char *key)
{
	FILE *f = fopen(file, "r");
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

static long status_kb(const char *key)
{
	return proc_kb("/proc/self/status", key);
}

typedef int openssl_init_fn(unsigned long long flags, const void *settings);

/* OPENSSL_init_crypto from the libcrypto libcurl brought in. */
static int init_openssl_first(const char *flags)
{
	void *crypto = dlopen("libcrypto.so.3", RTLD_NOW | RTLD_NOLOAD);
	openssl_init_fn *init = NULL;
	if (crypto)
		init = (openssl_init_fn *)dlsym(crypto, "OPENSSL_init_crypto");
	int ok = init && init(strtoull(flags, NULL, 0), NULL) == 1;
	if (!ok)
		fprintf(stderr, "libcurl-floor: cannot initialise OpenSSL with %s\n", flags);
	if (crypto)
		dlclose(crypto);
	return ok;
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
	const char *openssl_flags = getenv("FLOOR_OPENSSL_INIT");
	if (openssl_flags && *openssl_flags && !init_openssl_first(openssl_flags))
		return 1;
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
	printf("floor.private_dirty %ld\n", proc_kb("/proc/self/smaps_rollup", "Private_Dirty"));
	return 0;
}
