/* The curl_* functions we call, forwarded to libcurl loaded on first use. */
#include "config.h"

/* The definitions below are the functions themselves: curl.h's checking
 * macros of the same names must not rewrite them. */
#define CURL_DISABLE_TYPECHECK 1
#include <curl/curl.h>

#include "web/curl_lazy.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdlib.h>

#include "util/i18n.h"
#include "util/xalloc.h"

#ifndef PF_CURL_SONAME
#define PF_CURL_SONAME "libcurl.so.4"
#endif

/* The functions used, each with its pointer: a new curl_* call elsewhere
 * fails to link until it gets its line here and its forwarder below. */
#define CURL_LAZY_FUNCTIONS(X)                                                         \
	X(CURLcode, curl_global_init, (long))                                          \
	X(CURL *, curl_easy_init, (void))                                              \
	X(void, curl_easy_cleanup, (CURL *))                                           \
	X(CURLcode, curl_easy_setopt, (CURL *, CURLoption, ...))                       \
	X(CURLcode, curl_easy_getinfo, (CURL *, CURLINFO, ...))                        \
	X(CURLcode, curl_easy_perform, (CURL *))                                       \
	X(const char *, curl_easy_strerror, (CURLcode))                                \
	X(void, curl_free, (void *))                                                   \
	X(struct curl_slist *, curl_slist_append, (struct curl_slist *, const char *)) \
	X(void, curl_slist_free_all, (struct curl_slist *))                            \
	X(CURLU *, curl_url, (void))                                                   \
	X(void, curl_url_cleanup, (CURLU *))                                           \
	X(CURLUcode, curl_url_get, (CURLU *, CURLUPart, char **, unsigned int))        \
	X(CURLUcode, curl_url_set, (CURLU *, CURLUPart, const char *, unsigned int))   \
	X(const char *, curl_url_strerror, (CURLUcode))

#define X(ret, name, args) ret(*name) args;
static struct {
	CURL_LAZY_FUNCTIONS(X)
} fn;
#undef X

static pthread_once_t load_once = PTHREAD_ONCE_INIT;
static char *load_error; /* NULL once loaded */

/* Debian's libcurl links librtmp, which links GnuTLS, whose constructor
 * initialises it at load time (its priorities, its random generator, and
 * p11-kit): 0.8 MB of memory for a protocol we never allow (http and
 * https only, through OpenSSL). GNUTLS_NO_IMPLICIT_INIT (GnuTLS's
 * documented switch) skips that; librtmp would initialise GnuTLS itself
 * if it were ever used. The variable is set only while loading, so that
 * no program we start inherits it. */
static void *dlopen_quietly(void)
{
	bool was_set = getenv("GNUTLS_NO_IMPLICIT_INIT") != NULL;
	if (!was_set)
		setenv("GNUTLS_NO_IMPLICIT_INIT", "1", 0);
	/* RTLD_LOCAL: libcurl's symbols stay out of the global scope, so
	 * nothing of ours is mistaken for theirs or theirs for ours. */
	void *lib = dlopen(PF_CURL_SONAME, RTLD_NOW | RTLD_LOCAL);
	if (!was_set)
		unsetenv("GNUTLS_NO_IMPLICIT_INIT");
	return lib;
}

static void load(void)
{
	void *lib = dlopen_quietly();
	if (!lib) {
		const char *why = dlerror();
		load_error = xasprintf(_("cannot load libcurl (%s): %s"), PF_CURL_SONAME,
		                       why ? why : "?");
		return;
	}
	void *p;
#define X(ret, name, args)                                                           \
	if (!(p = dlsym(lib, #name))) {                                              \
		load_error = xasprintf(_("cannot load libcurl (%s): %s is missing"), \
		                       PF_CURL_SONAME, #name);                       \
		return;                                                              \
	}                                                                            \
	*(void **)&fn.name = p;
	CURL_LAZY_FUNCTIONS(X)
#undef X
	/* The library stays loaded for the life of the process. */
}

static bool loaded(void)
{
	pthread_once(&load_once, load);
	return load_error == NULL;
}

int curl_lazy_load(char **errp)
{
	if (loaded())
		return 0;
	if (errp)
		*errp = xstrdup(load_error);
	return -1;
}

CURLcode curl_global_init(long flags)
{
	return loaded() ? fn.curl_global_init(flags) : CURLE_FAILED_INIT;
}

CURL *curl_easy_init(void)
{
	return loaded() ? fn.curl_easy_init() : NULL;
}

void curl_easy_cleanup(CURL *curl)
{
	if (loaded())
		fn.curl_easy_cleanup(curl);
}

/* An option's one argument, taken by the type its number says (curl.h:
 * CURLOPTTYPE_*), as libcurl's own curl_easy_setopt takes it. */
CURLcode curl_easy_setopt(CURL *curl, CURLoption option, ...)
{
	if (!loaded())
		return CURLE_FAILED_INIT;
	va_list ap;
	va_start(ap, option);
	CURLcode rc;
	if (option < CURLOPTTYPE_OBJECTPOINT)
		rc = fn.curl_easy_setopt(curl, option, va_arg(ap, long));
	else if (option < CURLOPTTYPE_FUNCTIONPOINT)
		rc = fn.curl_easy_setopt(curl, option, va_arg(ap, void *));
	else if (option < CURLOPTTYPE_OFF_T)
		rc = fn.curl_easy_setopt(curl, option, va_arg(ap, void (*)(void)));
	else if (option < CURLOPTTYPE_BLOB)
		rc = fn.curl_easy_setopt(curl, option, va_arg(ap, curl_off_t));
	else
		rc = fn.curl_easy_setopt(curl, option, va_arg(ap, void *));
	va_end(ap);
	return rc;
}

/* Every kind of information is returned through one pointer. */
CURLcode curl_easy_getinfo(CURL *curl, CURLINFO info, ...)
{
	if (!loaded())
		return CURLE_FAILED_INIT;
	va_list ap;
	va_start(ap, info);
	CURLcode rc = fn.curl_easy_getinfo(curl, info, va_arg(ap, void *));
	va_end(ap);
	return rc;
}

CURLcode curl_easy_perform(CURL *curl)
{
	return loaded() ? fn.curl_easy_perform(curl) : CURLE_FAILED_INIT;
}

const char *curl_easy_strerror(CURLcode code)
{
	return loaded() ? fn.curl_easy_strerror(code) : load_error;
}

void curl_free(void *p)
{
	if (loaded())
		fn.curl_free(p);
}

struct curl_slist *curl_slist_append(struct curl_slist *list, const char *s)
{
	return loaded() ? fn.curl_slist_append(list, s) : NULL;
}

void curl_slist_free_all(struct curl_slist *list)
{
	if (loaded())
		fn.curl_slist_free_all(list);
}

CURLU *curl_url(void)
{
	return loaded() ? fn.curl_url() : NULL;
}

void curl_url_cleanup(CURLU *url)
{
	if (loaded())
		fn.curl_url_cleanup(url);
}

CURLUcode curl_url_get(CURLU *url, CURLUPart part, char **out, unsigned int flags)
{
	return loaded() ? fn.curl_url_get(url, part, out, flags) : CURLUE_OUT_OF_MEMORY;
}

CURLUcode curl_url_set(CURLU *url, CURLUPart part, const char *s, unsigned int flags)
{
	return loaded() ? fn.curl_url_set(url, part, s, flags) : CURLUE_OUT_OF_MEMORY;
}

const char *curl_url_strerror(CURLUcode code)
{
	return loaded() ? fn.curl_url_strerror(code) : load_error;
}
