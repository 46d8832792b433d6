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

#endif
