/* QR codes as text: libqrencode's modules mapped to half blocks. */
#include "config.h"

#include "app/qr_text.h"

#include <qrencode.h>
#include <stdlib.h>
#include <string.h>

#include "util/strbuf.h"

/* The standard's quiet zone; 2 modules still scan with phone cameras and
 * are used only when the standard one does not fit the window. */
#define QUIET_ZONE 4
#define QUIET_ZONE_TIGHT 2

/* A module is dark when its lowest bit is set; outside the symbol is the
 * light quiet zone. */
static bool dark(const QRcode *qr, long x, long y)
{
	if (x < 0 || y < 0 || x >= qr->width || y >= qr->width)
		return false;
	return qr->data[y * qr->width + x] & 1;
}

static char *draw(const QRcode *qr, long quiet, bool ascii, size_t *cols, size_t *rows)
{
	struct strbuf sb = STRBUF_INIT;
	long size = qr->width + 2 * quiet;
	/* Two modules per character row, one column per module, as the half
	 * blocks do; in ASCII '"' stands for the upper one, ',' the lower one
	 * and '#' both, so a payment URL's code fits 80x24 on LANG=C too. */
	static const char *const utf8_cells[4] = { " ", "▄", "▀", "█" };
	static const char *const ascii_cells[4] = { " ", ",", "\"", "#" };
	const char *const *cells = ascii ? ascii_cells : utf8_cells;
	for (long y = 0; y < size; y += 2) {
		for (long x = 0; x < size; x++) {
			/* Light modules are drawn, so the code reads as dark-on-light
			 * on a terminal with a dark background. */
			bool top = !dark(qr, x - quiet, y - quiet);
			bool bottom = y + 1 < size && !dark(qr, x - quiet, y + 1 - quiet);
			strbuf_puts(&sb, cells[(top ? 2 : 0) | (bottom ? 1 : 0)]);
		}
		strbuf_putc(&sb, '\n');
	}
	*cols = (size_t)size;
	*rows = (size_t)((size + 1) / 2);
	return strbuf_detach(&sb);
}

char *qr_text_render(const char *text, bool ascii, size_t *cols, size_t *rows)
{
	return qr_text_render_within(text, ascii, 0, 0, cols, rows);
}

/* From the most robust code to the smallest: level M (15% of the code may
 * be lost) with the standard margin, level L (7%: a screen is not a
 * crumpled sticker), then L with a narrow margin. */
char *qr_text_render_within(const char *text, bool ascii, size_t max_cols, size_t max_rows,
                            size_t *cols, size_t *rows)
{
	static const struct {
		QRecLevel level;
		long quiet;
	} tries[] = { { QR_ECLEVEL_M, QUIET_ZONE },
		      { QR_ECLEVEL_L, QUIET_ZONE },
		      { QR_ECLEVEL_L, QUIET_ZONE_TIGHT } };
	size_t n = max_cols && max_rows ? sizeof(tries) / sizeof(tries[0]) : 1;
	char *drawing = NULL;
	for (size_t i = 0; i < n; i++) {
		QRcode *qr = QRcode_encodeString(text, 0, tries[i].level, QR_MODE_8, 1);
		if (!qr)
			continue;
		free(drawing);
		drawing = draw(qr, tries[i].quiet, ascii, cols, rows);
		QRcode_free(qr);
		if (*cols <= max_cols && *rows <= max_rows)
			break;
	}
	return drawing;
}
