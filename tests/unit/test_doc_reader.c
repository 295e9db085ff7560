/*
 * test_doc_reader.c — files read by one or several threads come out in
 * the order given, mistakes and missing files included, and a reader
 * stopped early frees what it had read ahead (cli/doc_reader.h).
 */
#define _POSIX_C_SOURCE 200809L

#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli/doc_reader.h"

#define N_FILES 23
#define PATH_SIZE 512

static char g_dir[PATH_SIZE - 16];
static char g_names[N_FILES][PATH_SIZE];
static char *g_paths[N_FILES];

/* File i: a department-year named after i; every 7th has a syntax
 * error, file 11 does not exist. Sizes vary, so that threads finish out
 * of order. */
static void
write_files(void)
{
	for (int i = 0; i < N_FILES; i++) {
		FILE *f;

		snprintf(g_names[i], PATH_SIZE, "%s/%02d.yaml", g_dir, i);
		g_paths[i] = g_names[i];
		if (i == 11)
			continue;
		f = fopen(g_names[i], "w");
		assert_non_null(f);
		fprintf(f, "format: jixiao/1\ndepartment:\n  name: 单位%d\n"
			"year: %d\nprojects:\n", i, 2000 + i);
		for (int p = 0; p < (i * 37) % 50; p++)
			fprintf(f, "- name: 项目%d\n", p);
		if (i % 7 == 3)
			fputs("- name: [不完整\n", f);
		fclose(f);
	}
}

static void
check_file(int i, struct jx_doc_read *d)
{
	char want[32];

	assert_string_equal(d->path, g_paths[i]);
	if (i == 11 || i % 7 == 3) {
		assert_int_not_equal(d->status, JX_OK);
		assert_true(d->errors.count > 0);
		if (i == 11)
			assert_non_null(strstr(d->errors.items[0].message,
					       "No such file"));
		else
			assert_true(d->errors.items[0].line >=
				    6 + (i * 37) % 50);
	} else {
		assert_int_equal(d->status, JX_OK);
		snprintf(want, sizeof want, "单位%d", i);
		assert_string_equal(d->doc.dept_name, want);
		assert_int_equal(d->doc.year, 2000 + i);
		assert_int_equal(d->doc.n_projects, (size_t)((i * 37) % 50));
	}
	jx_doc_free(&d->doc);
	jx_errlist_free(&d->errors);
}

static void
test_in_order(void **state)
{
	static const int threads[] = { 0, 1, 2, 3, JX_DOC_READER_THREADS,
					JX_DOC_READER_THREADS + 5 };

	(void)state;
	for (size_t t = 0; t < sizeof threads / sizeof threads[0]; t++) {
		/* Several rounds: the order must not depend on timing. */
		for (int round = 0; round < 5; round++) {
			struct jx_doc_reader *r = jx_doc_reader_start(
				g_paths, N_FILES, NULL, threads[t]);
			struct jx_doc_read d;
			int i = 0;

			assert_non_null(r);
			while (jx_doc_reader_next(r, &d))
				check_file(i++, &d);
			assert_int_equal(i, N_FILES);
			assert_false(jx_doc_reader_next(r, &d));
			jx_doc_reader_free(r);
		}
	}
}

/* Stopped after k files: the ones read ahead are freed (the sanitizer
 * and valgrind runs check), and nothing waits forever. */
static void
test_stop_early(void **state)
{
	(void)state;
	for (int threads = 0; threads <= JX_DOC_READER_THREADS; threads++)
		for (int k = 0; k < 6; k++) {
			struct jx_doc_reader *r = jx_doc_reader_start(
				g_paths, N_FILES, NULL, threads);
			struct jx_doc_read d;

			assert_non_null(r);
			for (int i = 0; i < k; i++) {
				assert_true(jx_doc_reader_next(r, &d));
				check_file(i, &d);
			}
			if (k == 5)   /* let the threads fill the ring */
				nanosleep(&(struct timespec){ 0, 20000000 },
					  NULL);
			jx_doc_reader_free(r);
		}
}

static void
test_no_files(void **state)
{
	struct jx_doc_reader *r = jx_doc_reader_start(g_paths, 0, NULL, 2);
	struct jx_doc_read d;

	(void)state;
	assert_non_null(r);
	assert_false(jx_doc_reader_next(r, &d));
	jx_doc_reader_free(r);
	jx_doc_reader_free(NULL);
}

static void
remove_files(void)
{
	for (int i = 0; i < N_FILES; i++)
		unlink(g_names[i]);
	rmdir(g_dir);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_in_order),
		cmocka_unit_test(test_stop_early),
		cmocka_unit_test(test_no_files),
	};
	const char *tmp = getenv("TMPDIR");
	int failed;

	snprintf(g_dir, sizeof g_dir, "%s/jx-test-reader-XXXXXX",
		 tmp && *tmp ? tmp : "/tmp");
	if (!mkdtemp(g_dir)) {
		perror(g_dir);
		return 1;
	}
	write_files();
	failed = cmocka_run_group_tests(tests, NULL, NULL);
	remove_files();
	return failed;
}
