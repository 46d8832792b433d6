/* Calendar dates as the portal prints them (dd/mm/yyyy). Pure code. */
#ifndef PF_DATE_H
#define PF_DATE_H

#include <stdbool.h>

struct date {
	int year;  /* e.g. 2022 */
	int month; /* 1-12 */
	int day;   /* 1-31, valid for the month (leap years honoured) */
};

/* Parses "05/09/2022" (also "5/9/2022", "05-09-2022", "05.09.2022", with
 * surrounding whitespace). Two-digit years, impossible dates (31/02/2022),
 * trailing garbage and empty text are errors: returns -1, message in *errp. */
int date_parse_fr(const char *text, struct date *out, char **errp);
/* Writes "YYYY-MM-DD" into buf (at least 11 bytes) and returns buf. */
char *date_to_iso(const struct date *d, char *buf);
/* Writes "DD/MM/YYYY" into buf (at least 11 bytes) and returns buf. */
char *date_to_fr(const struct date *d, char *buf);
/* <0, 0, >0 like strcmp. */
int date_compare(const struct date *a, const struct date *b);
bool date_is_valid(int year, int month, int day);
/* Days from `from` to `to`: 0 the same day, 3 when `to` is three days
 * later, negative when it is earlier. Both must be valid dates. */
long date_days_between(const struct date *from, const struct date *to);
/* d moved by n days (n may be negative), across months and years. */
struct date date_add_days(const struct date *d, long n);
/* Today's local date. */
struct date date_today(void);

#endif
