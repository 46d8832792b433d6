/* JSON written as it goes, exact yet inert on a terminal, without building
 * a tree first: `invoices --json` of a large page spent a sixth of its
 * instructions building, dumping and re-scanning a jansson tree.
 *
 *   struct json_writer w;
 *   json_writer_init(&w, stdout);
 *   json_begin_object(&w, NULL);
 *   json_put_string(&w, "number", "F2022-0912");
 *   json_begin_array(&w, "invoices"); ... json_end(&w);
 *   json_end(&w);
 *   rc = json_writer_finish(&w);
 *
 * The layout is jansson's JSON_INDENT(2): one member per line. Strings are
 * UTF-8 as given, except what JSON requires escaped ('"', '\\', C0) and
 * what could act on a terminal or hide text (DEL, C1, bidi and invisible
 * format characters, U+2028/2029: RELIABILITY.md section 1, rule 6),
 * written as \uXXXX; invalid UTF-8 becomes \uFFFD. */
#ifndef PF_UTIL_JSON_WRITE_H
#define PF_UTIL_JSON_WRITE_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#define JSON_WRITER_MAX_DEPTH 16

struct json_writer {
	FILE *out;
	bool failed;
	unsigned depth;
	/* Written to out in blocks: a stdio call per token cost more than
	 * the JSON itself. */
	size_t used;
	char buf[8192];
	/* Per open container: whether a member was written, and its closer. */
	bool filled[JSON_WRITER_MAX_DEPTH];
	char closer[JSON_WRITER_MAX_DEPTH];
};

void json_writer_init(struct json_writer *w, FILE *out);

/* Each call takes the member's key inside an object, NULL inside an array
 * or at the top. Containers nest up to JSON_WRITER_MAX_DEPTH; json_end
 * closes the innermost. */
void json_begin_object(struct json_writer *w, const char *key);
void json_begin_array(struct json_writer *w, const char *key);
void json_end(struct json_writer *w);

/* value NULL writes null. */
void json_put_string(struct json_writer *w, const char *key, const char *value);
void json_put_int(struct json_writer *w, const char *key, int64_t value);
void json_put_bool(struct json_writer *w, const char *key, bool value);
void json_put_null(struct json_writer *w, const char *key);

/* Ends the document with a newline. Returns 0, or -1 when a write failed
 * (or a container was left open). */
int json_writer_finish(struct json_writer *w);

#endif
