/* A QR code drawn with characters, for terminals. */
#ifndef PF_APP_QR_TEXT_H
#define PF_APP_QR_TEXT_H

#include <stdbool.h>
#include <stddef.h>

/* Encodes text (a URL) as a QR code (libqrencode, error correction level
 * M) and draws it with a 4-module quiet zone: two modules per character
 * cell with the half blocks ▀ ▄ █ (dark on a light terminal is inverted:
 * we draw the light modules, so it scans on dark backgrounds too), or,
 * when ascii, with '"' ',' '#' for upper, lower, both: the same size, one
 * column per module and two modules per row. Lines end with '\n'. Returns a newly
 * allocated drawing and its size in *cols and *rows, or NULL when the text
 * cannot be encoded. */
char *qr_text_render(const char *text, bool ascii, size_t *cols, size_t *rows);

/* The same, made to fit max_cols x max_rows characters when level M with
 * the standard quiet zone does not: level L, then L with a 2-module quiet
 * zone. When none fits, the smallest is returned (its size in *cols and
 * *rows says what the window lacks). max_cols or max_rows 0: level M. */
char *qr_text_render_within(const char *text, bool ascii, size_t max_cols, size_t max_rows,
                            size_t *cols, size_t *rows);

#endif
