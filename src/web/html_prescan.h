/* A quick look at a page's nesting before tidy parses it. */
#ifndef PF_WEB_HTML_PRESCAN_H
#define PF_WEB_HTML_PRESCAN_H

#include <stddef.h>

/* Returns how deep the page's elements nest, the way a forgiving parser
 * would count: void elements and elements whose end tag may be omitted
 * (p, li, td, tr...) do not count, an end tag closes everything opened
 * after its start tag, and a new table cell or row closes what the previous
 * cell left open. Stops counting, and returns limit + 1, as soon as the
 * depth passes limit. Linear in len. */
size_t html_prescan_depth(const char *bytes, size_t len, size_t limit);

#endif
