/* A quick look at a page's nesting and markup before tidy parses it. */
#ifndef PF_WEB_HTML_PRESCAN_H
#define PF_WEB_HTML_PRESCAN_H

#include <stddef.h>

/* In the work estimate, an attribute costs tidy about twice what a tag or a
 * character reference does (an unknown name is looked up in a list). */
#define HTML_PRESCAN_ATTRIBUTE_WORK 2

/* What html_parse refuses past; 0 means no limit. */
struct html_prescan_limits {
	size_t depth;              /* nesting, counted as below */
	size_t element_attributes; /* attributes on one element */
	size_t work;               /* see html_prescan_work */
};

/* What the pre-scan found. Once a limit is passed the scan stops, and the
 * counts are those up to there. */
struct html_prescan {
	size_t depth;              /* deepest nesting */
	size_t tags;               /* start and end tags, comments, declarations */
	size_t attributes;         /* in all tags */
	size_t references;         /* '&' before a letter or '#', anywhere */
	size_t element_attributes; /* the most on one tag */
};

/* Scans the page. Nesting is counted the way a forgiving parser would:
 * void elements and elements whose end tag may be omitted (p, li, td,
 * tr...) do not count, an end tag closes everything opened after its start
 * tag, and a new table cell or row closes what the previous cell left
 * open. Attributes are counted by their names, quoted values skipped.
 * Linear in len, whatever the page holds. */
void html_prescan(const char *bytes, size_t len, const struct html_prescan_limits *limits,
                  struct html_prescan *out);

/* tags + references + HTML_PRESCAN_ATTRIBUTE_WORK × attributes: what tidy's
 * parse costs, in units of one tag. tidy's time per unit depends on the
 * markup (an unknown attribute, a stray end tag and a bad reference each
 * cost it a few microseconds: a lookup, a report built then dropped), but
 * no page makes a unit cost much more, so bounding the work bounds the
 * time. */
size_t html_prescan_work(const struct html_prescan *scan);

#endif
