/* Unit tests for handoff_marker.c: records per account, taken back by id,
 * and concurrent writers that lose nothing. Each test works in a fresh
 * $XDG_STATE_HOME under /tmp. */
#include "config.h"

#include <jansson.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <cmocka.h>

#include "app/handoff_marker.h"

static const struct handoff_account lhorme = {
	"https://portail2.aiga.fr/v4/login.php5?ville=lhorme", "martin"
};
static const struct handoff_account other_user = { "https://portail2.aiga.fr/v4/login.php5",
	                                           "dupont" };
static const struct handoff_account other_town = { "https://famille.exemple.fr/v4/login.php5",
	                                           "martin" };

static int fresh_state(void **state)
{
	char *dir = strdup("/tmp/test_handoff_marker.XXXXXX");
	assert_non_null(mkdtemp(dir));
	setenv("XDG_STATE_HOME", dir, 1);
	*state = dir;
	return 0;
}

static int remove_state(void **state)
{
	char *cmd = NULL;
	assert_true(asprintf(&cmd, "rm -rf '%s'", (char *)*state) > 0);
	assert_int_equal(system(cmd), 0);
	free(cmd);
	free(*state);
	return 0;
}

static int find(const struct handoff_account *account, const char *number)
{
	const char *numbers[] = { number };
	time_t when = 0;
	const char *which = NULL;
	char *err = NULL;
	int found = handoff_marker_find(account, numbers, 1, &when, &which, &err);
	assert_null(err);
	if (found == 1) {
		assert_string_equal(which, number);
		assert_true(when > 0);
	}
	return found;
}

static char *record(const struct handoff_account *account, const char *number)
{
	const char *numbers[] = { number };
	char *id = NULL, *err = NULL;
	assert_int_equal(handoff_marker_record(account, numbers, 1, 18199, &id, &err), 0);
	assert_null(err);
	assert_non_null(id);
	return id;
}

static size_t entries_on_disk(void)
{
	char *path = handoff_marker_path();
	json_error_t jerr;
	json_t *all = json_load_file(path, 0, &jerr);
	free(path);
	assert_true(json_is_array(all));
	size_t n = json_array_size(all);
	json_decref(all);
	return n;
}

static void test_nothing_recorded(void **state)
{
	(void)state;
	assert_int_equal(find(&lhorme, "F2022-0912"), 0);
}

/* Two towns may number their invoices alike; two parents share none. */
static void test_keyed_by_portal_and_user(void **state)
{
	(void)state;
	free(record(&lhorme, "F2022-0912"));
	assert_int_equal(find(&lhorme, "F2022-0912"), 1);
	assert_int_equal(find(&other_user, "F2022-0912"), 0);
	assert_int_equal(find(&other_town, "F2022-0912"), 0);
	assert_int_equal(find(&lhorme, "F2022-0388"), 0);
}

/* A record written before host and user were kept could be anyone's. */
static void test_old_record_counts_for_all(void **state)
{
	char *dir = NULL;
	assert_true(asprintf(&dir, "%s/portail-famille", (char *)*state) > 0);
	assert_int_equal(mkdir(dir, 0700), 0);
	char *path = handoff_marker_path();
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fprintf(f, "[{\"invoices\": [\"F2022-0912\"], \"amount_cents\": 18199, \"time\": %lld}]\n",
	        (long long)time(NULL) - 3600);
	fclose(f);
	assert_int_equal(find(&lhorme, "F2022-0912"), 1);
	assert_int_equal(find(&other_town, "F2022-0912"), 1);
	/* A new record keeps it. */
	free(record(&other_user, "F2022-0388"));
	assert_int_equal(entries_on_disk(), 2);
	free(path);
	free(dir);
}

static void test_forget_takes_back_one_record(void **state)
{
	(void)state;
	char *first = record(&lhorme, "F2022-0912");
	char *second = record(&lhorme, "F2022-0388");
	char *err = NULL;
	assert_int_equal(handoff_marker_forget(second, &err), 0);
	assert_int_equal(find(&lhorme, "F2022-0388"), 0);
	assert_int_equal(find(&lhorme, "F2022-0912"), 1);
	/* Gone already: not an error. */
	assert_int_equal(handoff_marker_forget(second, &err), 0);
	assert_int_equal(handoff_marker_forget(NULL, &err), 0);
	assert_null(err);
	assert_int_equal(entries_on_disk(), 1);
	free(first);
	free(second);
}

#define WRITERS 6
#define RECORDS_EACH 15

/* Writers at once, each recording in turn: every record survives. Without
 * the lock two read the same file and the later rename drops the other's
 * record; with one shared temporary name they write into each other. */
static void test_concurrent_writers_lose_nothing(void **state)
{
	(void)state;
	pid_t pids[WRITERS];
	for (int w = 0; w < WRITERS; w++) {
		pids[w] = fork();
		assert_true(pids[w] >= 0);
		if (pids[w] == 0) {
			int failed = 0;
			for (int i = 0; i < RECORDS_EACH; i++) {
				char number[32];
				snprintf(number, sizeof number, "W%d-%02d", w, i);
				const char *numbers[] = { number };
				char *err = NULL;
				failed |= handoff_marker_record(&lhorme, numbers, 1, 100, NULL,
				                                &err) < 0;
				free(err);
			}
			_exit(failed);
		}
	}
	for (int w = 0; w < WRITERS; w++) {
		int status = 0;
		assert_int_equal(waitpid(pids[w], &status, 0), pids[w]);
		assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	}
	assert_int_equal(entries_on_disk(), WRITERS * RECORDS_EACH);
	assert_int_equal(find(&lhorme, "W3-07"), 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_nothing_recorded, fresh_state, remove_state),
		cmocka_unit_test_setup_teardown(test_keyed_by_portal_and_user, fresh_state,
		                                remove_state),
		cmocka_unit_test_setup_teardown(test_old_record_counts_for_all, fresh_state,
		                                remove_state),
		cmocka_unit_test_setup_teardown(test_forget_takes_back_one_record, fresh_state,
		                                remove_state),
		cmocka_unit_test_setup_teardown(test_concurrent_writers_lose_nothing, fresh_state,
		                                remove_state),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
