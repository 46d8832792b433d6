/* libcurl, loaded when the first request needs it. The program is not
 * linked with libcurl: web/curl_lazy.c defines the few curl_* functions
 * the client calls (http, http_log, url) and each one loads the library
 * (PF_CURL_SONAME, found by configure) on its first call, then forwards.
 * parse, --help and --version, which make no request, so never load its
 * 33 libraries nor read OpenSSL's configuration (docs/benchmarks.md: the
 * start-up they cost). */
#ifndef PF_WEB_CURL_LAZY_H
#define PF_WEB_CURL_LAZY_H

/* Loads libcurl if it is not loaded yet. Returns 0, or -1 with a message
 * in *errp (the library missing, or one of its functions). Thread-safe,
 * but best called while the process has one thread: loading sets
 * GNUTLS_NO_IMPLICIT_INIT in the environment for a moment (curl_lazy.c).
 * When loading failed, the curl_* functions return their failure values
 * (NULL, CURLE_FAILED_INIT, CURLUE_OUT_OF_MEMORY). */
int curl_lazy_load(char **errp);

#endif
