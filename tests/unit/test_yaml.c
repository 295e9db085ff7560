#ifdef HAVE_CONFIG_H
#include "config.h"
#endif
/*
 * test_yaml.c — unit tests of the io layer: reading input files
 * (io/input.h) and the YAML interchange format (io/yaml_doc.h).
 *
 * Covers: encodings and file errors; every kind of mistake in a YAML file,
 * each from a fixture in $JX_TEST_DATA/yaml (or TEST_DATA_DIR/yaml) with its
 * exact file:line:column message; export -> import -> export byte identity on
 * a rich document and on every string style that is easy to get wrong; and
 * read -> write -> read -> write stability on every published sample in
 * $JX_SAMPLES_DIR (or SAMPLES_DIR).
 */
#define _POSIX_C_SOURCE 200809L

#include <dirent.h>
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

#include "core/error.h"
#include "core/money.h"
#include "core/record.h"
#include "io/input.h"
#include "io/yaml_doc.h"

#ifndef TEST_DATA_DIR
#define TEST_DATA_DIR "tests/data"
#endif
#ifndef SAMPLES_DIR
#define SAMPLES_DIR "data/samples"
#endif

/* ---- Helpers ------------------------------------------------------------- */

static const char *
data_dir(void)
{
	const char *dir = getenv("JX_TEST_DATA");

	return dir && *dir ? dir : TEST_DATA_DIR;
}

/* dir/name in buf. */
static const char *
join(char *buf, size_t size, const char *dir, const char *name)
{
	int n = snprintf(buf, size, "%s/%s", dir, name);

	assert_true(n >= 0 && (size_t)n < size);
	return buf;
}

static const char *
fixture(char *buf, size_t size, const char *name)
{
	char dir[512];

	return join(buf, size, join(dir, sizeof dir, data_dir(), "yaml"),
		    name);
}

/* Writes len bytes to a new temporary file; its name goes into path. */
static void
make_temp(char *path, size_t size, const void *bytes, size_t len)
{
	const char *tmp = getenv("TMPDIR");
	FILE *f;
	int fd;

	snprintf(path, size, "%s/jx_test_XXXXXX", tmp && *tmp ? tmp : "/tmp");
	fd = mkstemp(path);
	assert_true(fd >= 0);
	f = fdopen(fd, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(bytes, 1, len, f), len);
	assert_int_equal(fclose(f), 0);
}

static char *
sdup(const char *s)
{
	char *copy = s ? strdup(s) : NULL;

	if (s)
		assert_non_null(copy);
	return copy;
}

/* Equal texts; "" and NULL are the same (an empty value is absent). */
static void
assert_text(const char *want, const char *got, const char *what)
{
	if (want && !*want)
		want = NULL;
	if (got && !*got)
		got = NULL;
	if (!want && !got)
		return;
	if (!want || !got || strcmp(want, got) != 0) {
		print_error("%s: want '%s', got '%s'\n", what,
			    want ? want : "(null)", got ? got : "(null)");
		fail();
	}
}

static void
assert_amount(struct jx_amount want, struct jx_amount got, const char *what)
{
	if (want.present != got.present ||
	    (want.present && want.yuan != got.yuan)) {
		print_error("%s: want %s%lld, got %s%lld\n", what,
			    want.present ? "" : "absent ",
			    (long long)want.yuan, got.present ? "" : "absent ",
			    (long long)got.yuan);
		fail();
	}
}

#define TEXT_EQ(a, b, field) assert_text((a)->field, (b)->field, #field)
#define AMOUNT_EQ(a, b, field) assert_amount((a)->field, (b)->field, #field)

static void
assert_indicator_equal(const struct jx_indicator *a,
		       const struct jx_indicator *b)
{
	TEXT_EQ(a, b, level1);
	TEXT_EQ(a, b, level2);
	TEXT_EQ(a, b, name);
	TEXT_EQ(a, b, description);
	TEXT_EQ(a, b, target);
	TEXT_EQ(a, b, basis);
}

static void
assert_project_equal(const struct jx_project *a, const struct jx_project *b)
{
	TEXT_EQ(a, b, code);
	TEXT_EQ(a, b, name);
	TEXT_EQ(a, b, title);
	TEXT_EQ(a, b, competent);
	TEXT_EQ(a, b, unit);
	TEXT_EQ(a, b, attribute);
	TEXT_EQ(a, b, category);
	TEXT_EQ(a, b, period);
	AMOUNT_EQ(a, b, period_total);
	AMOUNT_EQ(a, b, period_fiscal);
	AMOUNT_EQ(a, b, period_other);
	AMOUNT_EQ(a, b, annual_total);
	AMOUNT_EQ(a, b, annual_fiscal);
	AMOUNT_EQ(a, b, annual_other);
	TEXT_EQ(a, b, purpose);
	TEXT_EQ(a, b, period_goal);
	TEXT_EQ(a, b, annual_goal);
	TEXT_EQ(a, b, goal);
	TEXT_EQ(a, b, note);
	assert_int_equal(a->n_plan, b->n_plan);
	for (size_t i = 0; i < a->n_plan; i++) {
		TEXT_EQ(&a->plan[i], &b->plan[i], label);
		TEXT_EQ(&a->plan[i], &b->plan[i], percent);
	}
	assert_int_equal(a->n_indicators, b->n_indicators);
	for (size_t i = 0; i < a->n_indicators; i++)
		assert_indicator_equal(&a->indicators[i], &b->indicators[i]);
}

/* Fails unless a and b hold the same records, field by field. */
static void
assert_doc_equal(const struct jx_doc *a, const struct jx_doc *b)
{
	TEXT_EQ(a, b, dept_code);
	TEXT_EQ(a, b, dept_name);
	TEXT_EQ(a, b, dept_competent);
	assert_int_equal(a->year, b->year);
	TEXT_EQ(a, b, framework);
	TEXT_EQ(a, b, source);
	TEXT_EQ(a, b, note);
	TEXT_EQ(a, b, goals);
	TEXT_EQ(a, b, measures);
	assert_int_equal(a->n_subgoals, b->n_subgoals);
	for (size_t i = 0; i < a->n_subgoals; i++) {
		TEXT_EQ(&a->subgoals[i], &b->subgoals[i], title);
		TEXT_EQ(&a->subgoals[i], &b->subgoals[i], goal);
		TEXT_EQ(&a->subgoals[i], &b->subgoals[i], indicator);
	}
	assert_int_equal(a->n_projects, b->n_projects);
	for (size_t i = 0; i < a->n_projects; i++)
		assert_project_equal(&a->projects[i], &b->projects[i]);
}

/* Prints every error in the list (for a failing test's log). */
static void
print_errors(const struct jx_errlist *errors)
{
	char buf[1024];

	for (size_t i = 0; i < errors->count; i++) {
		jx_error_format(&errors->items[i], buf, sizeof buf);
		print_error("  %s\n", buf);
	}
}

/* Parses text, which must be valid. */
static void
read_ok(const char *text, size_t len, struct jx_doc *doc)
{
	struct jx_errlist errors;
	enum jx_status st;

	jx_errlist_init(&errors);
	st = jx_yaml_read_doc(text, len, "test.yaml", doc, &errors);
	if (st != JX_OK || errors.count) {
		print_errors(&errors);
		jx_errlist_free(&errors);
		fail_msg("reading failed");
	}
	jx_errlist_free(&errors);
}

static char *
write_ok(const struct jx_doc *doc, size_t *len)
{
	struct jx_error err;
	char *out = NULL;

	jx_error_clear(&err);
	if (jx_yaml_write_doc_mem(doc, &out, len, &err) != JX_OK)
		fail_msg("writing failed: %s", err.message);
	assert_non_null(out);
	assert_int_equal(strlen(out), *len);
	return out;
}

/*
 * The round trip every export must survive: doc is written, read back (same
 * records) and written again (same bytes). Returns the first text (caller
 * frees).
 */
static char *
assert_round_trip(const struct jx_doc *doc)
{
	struct jx_doc back;
	size_t len1, len2;
	char *text1 = write_ok(doc, &len1), *text2;

	read_ok(text1, len1, &back);
	assert_doc_equal(doc, &back);
	text2 = write_ok(&back, &len2);
	jx_doc_free(&back);
	if (len1 != len2 || memcmp(text1, text2, len1) != 0) {
		print_error("first write:\n%s\nsecond write:\n%s\n", text1,
			    text2);
		free(text2);
		free(text1);
		fail_msg("export -> import -> export changed the text");
	}
	free(text2);
	return text1;
}

static struct jx_amount
wan(const char *text)
{
	struct jx_amount a = { true, 0 };

	assert_int_equal(jx_money_parse_wan(text, &a.yuan, NULL), JX_OK);
	return a;
}

/* A minimal valid document: department name and year. */
static void
minimal_doc(struct jx_doc *doc)
{
	jx_doc_init(doc);
	doc->dept_name = sdup("某单位");
	doc->year = 2021;
}

/* A document that uses every field and the awkward texts seen in tables. */
static void
rich_doc(struct jx_doc *doc)
{
	struct jx_subgoal *sg;
	struct jx_project *p;
	struct jx_checkpoint *cp;
	struct jx_indicator *ind;

	jx_doc_init(doc);
	doc->dept_code = sdup("441001");
	doc->dept_name = sdup("秦皇岛市北戴河区西山街道办事处（本级）");
	doc->dept_competent = sdup("秦皇岛市北戴河区人民政府");
	doc->year = 2021;
	doc->framework = sdup("2012");
	doc->source = sdup("001_8629c2e7eda8849f.txt");
	doc->note = sdup("  前后有空格的说明  ");
	doc->goals = sdup("1、加强城市社区建设；\n2、提升服务水平。");
	doc->measures = sdup("加强组织领导。\n落实资金保障。\n");

	assert_non_null(sg = jx_doc_add_subgoal(doc));
	sg->title = sdup("坚持党建工作主线，创新党员管理模式");
	sg->goal = sdup("继续开展党员走访慰问");
	sg->indicator = sdup("组织开展教育学习≥12次");
	assert_non_null(sg = jx_doc_add_subgoal(doc));
	sg->title = sdup("true");

	assert_non_null(p = jx_doc_add_project(doc));
	p->code = sdup("130304213ZR3W5GRVM5IR");
	p->name = sdup("直选人员及社区工作者工资及保险");
	p->title = sdup("1.直选人员及社区工作者工资及保险绩效目标表");
	p->competent = sdup("秦皇岛市北戴河区人民政府");
	p->unit = sdup("西山街道办事处");
	p->attribute = sdup("延续项目");
	p->category = sdup("其他运转类");
	p->period = sdup("2021年1月至2021年12月");
	p->period_total = wan("1661");
	p->period_fiscal = wan("1661");
	p->period_other = wan("0");
	p->annual_total = wan("130.97");
	p->annual_fiscal = wan("0.0001");
	/* annual_other absent: a blank cell */
	p->purpose = sdup("社区干部队伍不断壮大。\n\n支付工资及保险。\n\n");
	assert_non_null(cp = jx_project_add_checkpoint(p));
	cp->label = sdup("3月底");
	cp->percent = sdup("25.00%");
	assert_non_null(cp = jx_project_add_checkpoint(p));
	cp->label = sdup("第二季度");
	assert_non_null(cp = jx_project_add_checkpoint(p));
	cp->label = sdup("12");
	cp->percent = sdup("100");
	p->period_goal = sdup("按时发放工资");
	p->annual_goal = sdup("  提升服务水平\n  （缩进的第二行）");
	p->goal = sdup("1.按时发放直选人员及社区工作者工资\n"
		      "2.提升直选人员及社区工作者服务水平\n");
	p->note = sdup("null");
	assert_non_null(ind = jx_project_add_indicator(p));
	ind->level1 = sdup("产出指标");
	ind->level2 = sdup("数量指标");
	ind->name = sdup("资金使用率");
	ind->description = sdup("实际支出的金额占应支出金额的比率");
	ind->target = sdup("≥90使用率");
	ind->basis = sdup("工作记录");
	assert_non_null(ind = jx_project_add_indicator(p));
	ind->level1 = sdup("效益指标");
	ind->level2 = sdup("社会效益指标");
	ind->name = sdup("服务对象满意度");
	ind->target = sdup("100 百分比");

	assert_non_null(p = jx_doc_add_project(doc));
	p->name = sdup("~");
	p->annual_total = wan("0");
	assert_non_null(ind = jx_project_add_indicator(p));
	ind->level1 = sdup("满意度指标");
	ind->level2 = sdup("服务对象满意度指标");
	ind->name = sdup("- 群众满意度");
	ind->target = sdup("1.5");
	ind->basis = sdup("#无");
}

/* ---- Input files --------------------------------------------------------- */

static void
test_input_utf8(void **state)
{
	static const char text[] = "\xEF\xBB\xBFnote: 你好\n";
	char path[512], *data;
	size_t len;
	struct jx_error err;

	(void)state;
	make_temp(path, sizeof path, text, sizeof text - 1);
	jx_error_clear(&err);
	assert_int_equal(jx_input_read(path, NULL, &data, &len, &err), JX_OK);
	assert_string_equal(data, "note: 你好\n"); /* BOM dropped */
	assert_int_equal(len, strlen("note: 你好\n"));
	free(data);
	unlink(path);
}

static void
test_input_empty(void **state)
{
	char path[512], *data;
	size_t len = 99;
	struct jx_error err;

	(void)state;
	make_temp(path, sizeof path, "", 0);
	assert_int_equal(jx_input_read(path, NULL, &data, &len, &err), JX_OK);
	assert_non_null(data);
	assert_int_equal(len, 0);
	assert_string_equal(data, "");
	free(data);
	unlink(path);
}

static void
test_input_missing(void **state)
{
	char path[512], *data = (char *)1;
	size_t len = 99;
	struct jx_error err;

	(void)state;
	fixture(path, sizeof path, "no-such-file.yaml");
	jx_error_clear(&err);
	assert_int_equal(jx_input_read(path, NULL, &data, &len, &err), JX_IO);
	assert_null(data);
	assert_int_equal(len, 0);
	assert_string_equal(err.file, path);
	assert_int_equal(err.line, 0);
	assert_string_equal(err.message, strerror(ENOENT));
}

static void
test_input_directory(void **state)
{
	char path[512], *data;
	size_t len;
	struct jx_error err;

	(void)state;
	fixture(path, sizeof path, "");
	jx_error_clear(&err);
	assert_int_equal(jx_input_read(path, NULL, &data, &len, &err), JX_IO);
	assert_null(data);
	assert_string_equal(err.file, path);
	assert_string_equal(err.message, strerror(EISDIR));
}

static void
test_input_unreadable(void **state)
{
	char path[512], *data;
	size_t len;
	struct jx_error err;

	pid_t pid;
	int status = -1;

	(void)state;
	make_temp(path, sizeof path, "x", 1);
	assert_int_equal(chmod(path, 0), 0);
	/* Root reads everything (CI runs as root): read as 'nobody' in a
	 * child process then, so the test means the same for everyone. */
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		bool ok;
		if (geteuid() == 0 && (setgid(65534) != 0 || setuid(65534) != 0))
			_exit(3);
		jx_error_clear(&err);
		ok = jx_input_read(path, NULL, &data, &len, &err) == JX_IO &&
		     strcmp(err.message, strerror(EACCES)) == 0 && data == NULL;
		_exit(ok ? 0 : 1);
	}
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 0);
	unlink(path);
}

/* "note: 你好" with 你好 in GB18030 (C4 E3 BA C3), on the second line. */
static const char gb_text[] = "format: jixiao/1\nnote: \xC4\xE3\xBA\xC3\n";

static void
test_input_gb18030_hint(void **state)
{
	char path[512], *data;
	size_t len;
	struct jx_error err;

	(void)state;
	make_temp(path, sizeof path, gb_text, sizeof gb_text - 1);
	jx_error_clear(&err);
	assert_int_equal(jx_input_read(path, NULL, &data, &len, &err),
			 JX_ENCODING);
	assert_null(data);
	assert_string_equal(err.file, path);
	assert_int_equal(err.line, 2);
	assert_int_equal(err.column, 7);
	assert_string_equal(err.message,
			    "byte 23: not valid UTF-8 (it looks like GB18030; "
			    "use --encoding GB18030)");
	unlink(path);
}

static void
test_input_bad_utf8_no_hint(void **state)
{
	static const char text[] = "名称: a\xFF\n";
	char path[512], *data;
	size_t len;
	struct jx_error err;

	(void)state;
	make_temp(path, sizeof path, text, sizeof text - 1);
	jx_error_clear(&err);
	assert_int_equal(jx_input_read(path, NULL, &data, &len, &err),
			 JX_ENCODING);
	assert_int_equal(err.line, 1);
	assert_int_equal(err.column, 6); /* 名 称 : space a, then the byte */
	assert_string_equal(err.message, "byte 9: not valid UTF-8");
	unlink(path);
}

static void
test_input_convert_gb18030(void **state)
{
	/* GB18030's byte order mark (84 31 95 33) is dropped too. */
	static const char text[] = "\x84\x31\x95\x33note: \xC4\xE3\xBA\xC3\n";
	char path[512], *data;
	size_t len;
	struct jx_error err;

	(void)state;
	make_temp(path, sizeof path, text, sizeof text - 1);
	jx_error_clear(&err);
	assert_int_equal(jx_input_read(path, "GB18030", &data, &len, &err),
			 JX_OK);
	assert_string_equal(data, "note: 你好\n");
	assert_int_equal(len, strlen("note: 你好\n"));
	free(data);
	unlink(path);
}

static void
test_input_convert_errors(void **state)
{
	static const char bad[] = "a\nb \xC4\xE3\x81\x20\n";
	static const char cut[] = "a \xC4\xE3\x81";
	char path[512], *data;
	size_t len;
	struct jx_error err;

	(void)state;
	make_temp(path, sizeof path, bad, sizeof bad - 1);
	jx_error_clear(&err);
	assert_int_equal(jx_input_read(path, "GB18030", &data, &len, &err),
			 JX_ENCODING);
	assert_null(data);
	assert_int_equal(err.line, 2);
	assert_int_equal(err.column, 4);
	assert_string_equal(err.message, "byte 6: not valid GB18030");
	unlink(path);

	make_temp(path, sizeof path, cut, sizeof cut - 1);
	assert_int_equal(jx_input_read(path, "gbk", &data, &len, &err),
			 JX_ENCODING);
	assert_string_equal(err.message, "byte 4: incomplete gbk sequence at "
					 "the end of the file");

	assert_int_equal(jx_input_read(path, "NO-SUCH-ENCODING", &data, &len,
				       &err),
			 JX_ENCODING);
	assert_string_equal(err.file, path);
	assert_string_equal(err.message,
			    "unknown encoding 'NO-SUCH-ENCODING'");
	unlink(path);
}

static void
test_input_position(void **state)
{
	static const char text[] = "ab\n你好x\n";
	long line, column;

	(void)state;
	jx_input_position(text, 0, &line, &column);
	assert_int_equal(line, 1);
	assert_int_equal(column, 1);
	jx_input_position(text, 9, &line, &column); /* the x */
	assert_int_equal(line, 2);
	assert_int_equal(column, 3);
}

/* ---- Reading good documents ---------------------------------------------- */

static void
test_read_minimal(void **state)
{
	static const char text[] =
		"# a comment\n"
		"year: 2021\n"
		"department: {name: 某单位, code: '000'}\n"
		"format: jixiao/1\n"
		"projects:\n"
		"- name: 项目\n"
		"  money:\n"
		"    annual_total: 130.970\n"
		"    period_total: '1,661'\n"
		"  plan: []\n";
	struct jx_doc doc;

	(void)state;
	read_ok(text, sizeof text - 1, &doc);
	assert_string_equal(doc.dept_name, "某单位");
	assert_string_equal(doc.dept_code, "000");
	assert_int_equal(doc.year, 2021);
	assert_int_equal(doc.n_projects, 1);
	assert_string_equal(doc.projects[0].name, "项目");
	assert_true(doc.projects[0].annual_total.present);
	assert_int_equal(doc.projects[0].annual_total.yuan, 1309700);
	assert_int_equal(doc.projects[0].period_total.yuan, 16610000);
	assert_false(doc.projects[0].annual_fiscal.present);
	assert_int_equal(doc.projects[0].n_plan, 0);
	/* not in the writer's form: stable after one write */
	free(assert_round_trip(&doc));
	jx_doc_free(&doc);
}

static void
test_read_empty_is_absent(void **state)
{
	static const char text[] =
		"format: jixiao/1\n"
		"department:\n"
		"  name: 某单位\n"
		"  code: ''\n"
		"  competent:\n"
		"year: 2021\n"
		"note: ~\n"
		"source: null\n"
		"framework: 'null'\n"
		"goals: \"\"\n"
		"subgoals:\n"
		"projects:\n"
		"- name: 项目\n"
		"  money:\n"
		"    annual_total: ''\n"
		"    annual_other: 0\n"
		"  plan:\n"
		"  - label: 3月底\n"
		"    percent:\n";
	struct jx_doc doc;

	(void)state;
	read_ok(text, sizeof text - 1, &doc);
	assert_null(doc.dept_code);
	assert_null(doc.dept_competent);
	assert_null(doc.note);
	assert_null(doc.source);
	assert_string_equal(doc.framework, "null"); /* quoted: text */
	assert_null(doc.goals);
	assert_int_equal(doc.n_subgoals, 0);
	assert_false(doc.projects[0].annual_total.present);
	assert_true(doc.projects[0].annual_other.present);
	assert_int_equal(doc.projects[0].annual_other.yuan, 0);
	assert_string_equal(doc.projects[0].plan[0].label, "3月底");
	assert_null(doc.projects[0].plan[0].percent);
	jx_doc_free(&doc);
}

/* ---- Reading bad documents ----------------------------------------------- */

struct expect {
	enum jx_status status;
	long line, column;
	const char *message;
	const char *money; /* when set, message is followed by what
			      jx_money_parse_wan says about this text */
};

struct bad_case {
	const char *file;
	enum jx_status status;
	struct expect errors[8];
};

static void
test_bad_file(void **state)
{
	const struct bad_case *c = *state;
	struct jx_errlist errors;
	struct jx_doc doc;
	char path[512], want[1024];
	size_t n = 0;

	while (n < 8 && c->errors[n].message)
		n++;
	jx_errlist_init(&errors);
	fixture(path, sizeof path, c->file);
	assert_int_equal(jx_yaml_read_file(path, NULL, &doc, &errors),
			 c->status);
	if (errors.count != n) {
		print_errors(&errors);
		jx_errlist_free(&errors);
		fail_msg("%s: want %zu errors, got the above", c->file, n);
	}
	for (size_t i = 0; i < n; i++) {
		const struct expect *e = &c->errors[i];
		const struct jx_error *got = &errors.items[i];
		struct jx_error money;
		int64_t yuan;

		snprintf(want, sizeof want, "%s", e->message);
		if (e->money) {
			jx_error_clear(&money);
			assert_int_not_equal(
				jx_money_parse_wan(e->money, &yuan, &money),
				JX_OK);
			snprintf(want, sizeof want, "%s%s", e->message,
				 money.message);
		}
		if (got->line != e->line || got->column != e->column ||
		    strcmp(got->message, want) != 0 ||
		    got->status != e->status) {
			print_errors(&errors);
			jx_errlist_free(&errors);
			fail_msg("%s: error %zu: want %ld:%ld: %s (status %d)",
				 c->file, i + 1, e->line, e->column, want,
				 (int)e->status);
		}
		assert_string_equal(got->file, path);
	}
	jx_errlist_free(&errors);
	/* On error the doc is left empty. */
	assert_null(doc.dept_name);
	assert_null(doc.projects);
	assert_int_equal(doc.n_projects, 0);
}

#define E(st, l, c, msg) { JX_##st, l, c, msg, NULL }

static const struct bad_case bad_syntax = {
	"syntax.yaml", JX_SYNTAX, {
	E(SYNTAX, 4, 2, "did not find expected key (while parsing a block "
			"mapping at line 1, column 1)") } };
static const struct bad_case bad_unknown_key = {
	"unknown_key.yaml", JX_UNKNOWN, {
	E(UNKNOWN, 5, 1, "unknown key 'colour' in the document"),
	E(UNKNOWN, 8, 3, "unknown key 'nmae' in project 1"),
	E(UNKNOWN, 14, 5, "unknown key 'unit' in indicator 1 of project 1") } };
static const struct bad_case bad_missing_name = {
	"missing_name.yaml", JX_MISSING, {
	E(MISSING, 8, 3, "project 3 has no 'name'") } };
static const struct bad_case bad_missing_fields = {
	"missing_indicator.yaml", JX_MISSING, {
	E(MISSING, 3, 3, "department has no 'name'"),
	E(MISSING, 6, 3, "subgoal 1 has no 'title'"),
	E(MISSING, 10, 5, "plan item 1 of project 1 has no 'label'"),
	E(MISSING, 12, 5, "indicator 1 of project 1 has no 'target'"),
	E(MISSING, 15, 5, "indicator 2 of project 1 has no 'level2'"),
	E(MISSING, 16, 11, "'name' in indicator 2 of project 1 is empty") } };
static const struct bad_case bad_wrong_type = {
	"wrong_type.yaml", JX_INVALID, {
	E(INVALID, 2, 13, "'department' must be a mapping, not text"),
	E(INVALID, 5, 3, "'goals' must be text, not a list"),
	E(INVALID, 8, 3, "'projects' must be a list, not a mapping") } };
static const struct bad_case bad_wrong_type_nested = {
	"wrong_type_nested.yaml", JX_INVALID, {
	E(INVALID, 4, 5, "'name' in department must be text, not a mapping"),
	E(INVALID, 7, 3, "project 1 must be a mapping, not text"),
	E(INVALID, 9, 10, "'money' in project 2 must be a mapping, not text"),
	E(INVALID, 10, 9, "'plan' in project 2 must be a list, not text"),
	E(INVALID, 12, 13, "'level1' in indicator 1 of project 2 must be "
			   "text, not a list"),
	E(INVALID, 15, 13, "'target' in indicator 1 of project 2 must be "
			   "text, not a mapping") } };
static const struct bad_case bad_money = {
	"bad_money.yaml", JX_INVALID, {
	{ JX_INVALID, 8, 19, "'period_total' in money of project 1: ", "一百" },
	{ JX_INVALID, 10, 20, "'annual_fiscal' in money of project 1: ",
	  "1.23456" },
	E(UNKNOWN, 11, 5, "unknown key 'annual_cash' in money of project 1") } };
static const struct bad_case bad_year = {
	"bad_year.yaml", JX_INVALID, {
	E(INVALID, 4, 7, "'year' must be a year from 1900 to 2999, not "
			 "'20x1'") } };
static const struct bad_case bad_year_range = {
	"year_range.yaml", JX_INVALID, {
	E(INVALID, 4, 7, "'year' must be a year from 1900 to 2999, not "
			 "'1850'") } };
static const struct bad_case bad_duplicate_key = {
	"duplicate_key.yaml", JX_INVALID, {
	E(INVALID, 4, 3, "duplicate key 'name' in department (first at line "
			 "3)"),
	E(INVALID, 9, 3, "duplicate key 'goal' in project 1 (first at line "
			 "8)"),
	E(INVALID, 10, 1, "duplicate key 'year' in the document (first at "
			  "line 5)") } };
static const struct bad_case bad_no_format = {
	"no_format.yaml", JX_MISSING, {
	E(MISSING, 1, 1, "the document has no 'format'") } };
static const struct bad_case bad_wrong_format = {
	"wrong_format.yaml", JX_INVALID, {
	E(INVALID, 1, 9, "'format' must be 'jixiao/1', not 'jixiao/2'") } };
static const struct bad_case bad_two_documents = {
	"two_documents.yaml", JX_INVALID, {
	E(INVALID, 5, 1, "a second document starts here; a file holds one "
			 "department and year") } };
static const struct bad_case bad_anchor_alias = {
	"anchor_alias.yaml", JX_INVALID, {
	E(INVALID, 3, 9, "anchors (&unit) are not supported"),
	E(INVALID, 7, 9, "aliases (*unit) are not supported") } };
static const struct bad_case bad_tag = {
	"tag.yaml", JX_INVALID, {
	E(INVALID, 3, 9, "tags (!!str) are not supported"),
	E(INVALID, 4, 7, "tags (!!int) are not supported") } };
static const struct bad_case bad_not_mapping = {
	"not_mapping.yaml", JX_INVALID, {
	E(INVALID, 1, 1, "the document must be a mapping (format: jixiao/1, "
			 "department: …), not a list") } };
static const struct bad_case bad_complex_key = {
	"complex_key.yaml", JX_INVALID, {
	E(INVALID, 5, 3, "a key must be text, not a list") } };
static const struct bad_case bad_empty = {
	"empty.yaml", JX_MISSING, {
	E(MISSING, 1, 1, "the file is empty") } };
static const struct bad_case bad_comments_only = {
	"comments_only.yaml", JX_MISSING, {
	E(MISSING, 1, 1, "the file is empty") } };
static const struct bad_case bad_only_format = {
	"only_format.yaml", JX_MISSING, {
	E(MISSING, 1, 1, "the document has no 'department'"),
	E(MISSING, 1, 1, "the document has no 'year'") } };

/* Errors in the text itself (not from fixtures). */
static void
expect_one_error(const char *text, size_t len, enum jx_status status,
		 long line, long column, const char *message)
{
	struct jx_errlist errors;
	struct jx_doc doc;

	jx_errlist_init(&errors);
	assert_int_equal(jx_yaml_read_doc(text, len, "t.yaml", &doc, &errors),
			 status);
	if (errors.count != 1 || errors.items[0].line != line ||
	    errors.items[0].column != column ||
	    strcmp(errors.items[0].message, message) != 0) {
		print_errors(&errors);
		jx_errlist_free(&errors);
		fail_msg("want t.yaml:%ld:%ld: %s", line, column, message);
	}
	jx_errlist_free(&errors);
	assert_null(doc.dept_name);
}

static void
test_read_text_errors(void **state)
{
	static const char ctrl[] = "format: jixiao/1\nnote: 你\x01\n";
	static const char nul[] = "format: jixiao/1\ndepartment: {name: x}\n"
				  "year: 2021\nnote: \"a\\0b\"\n";
	/* Escapes libyaml turns into control characters: ESC, C1's CSI. */
	static const char esc[] = "format: jixiao/1\ndepartment: {name: x}\n"
				  "year: 2021\nprojects:\n- name: a\n"
				  "  indicators:\n  - {level1: x, level2: y, "
				  "name: \"\\e[31m\", target: z}\n";
	static const char csi[] = "format: jixiao/1\ndepartment:\n"
				  "  name: \"\\u009b1m\"\nyear: 2021\n";
	static const char tab_lf[] = "format: jixiao/1\ndepartment: {name: x}\n"
				     "year: 2021\nnote: \"a\\tb\\nc\"\n";
	static const char second_empty[] = "format: jixiao/1\n---\n";
	static const char only_dashes[] = "---\n";

	(void)state;
	expect_one_error(ctrl, sizeof ctrl - 1, JX_SYNTAX, 2, 8,
			 "control characters are not allowed (byte 26)");
	expect_one_error(nul, sizeof nul - 1, JX_INVALID, 4, 7,
			 "'note' contains a NUL character");
	expect_one_error(esc, sizeof esc - 1, JX_INVALID, 7, 34,
			 "'name' in indicator 1 of project 1 contains the "
			 "control character U+001B (a text may hold tabs and "
			 "line breaks, no other)");
	expect_one_error(csi, sizeof csi - 1, JX_INVALID, 3, 9,
			 "'name' in department contains the control character "
			 "U+009B (a text may hold tabs and line breaks, no "
			 "other)");
	{
		struct jx_errlist errors;
		struct jx_doc doc;

		jx_errlist_init(&errors);
		assert_int_equal(jx_yaml_read_doc(tab_lf, sizeof tab_lf - 1,
						  "t.yaml", &doc, &errors),
				 JX_OK);
		assert_string_equal(doc.note, "a\tb\nc");
		jx_doc_free(&doc);
		jx_errlist_free(&errors);
	}
	expect_one_error(only_dashes, sizeof only_dashes - 1, JX_MISSING, 2, 1,
			 "the document is empty");
	/* not valid UTF-8 given directly (jx_input_read would refuse it) */
	expect_one_error("format: \xFF", 9, JX_SYNTAX, 1, 9,
			 "invalid leading UTF-8 octet (byte 8)");
	{
		struct jx_errlist errors;
		struct jx_doc doc;

		jx_errlist_init(&errors);
		assert_int_equal(jx_yaml_read_doc(second_empty,
						  sizeof second_empty - 1,
						  "t.yaml", &doc, &errors),
				 JX_MISSING);
		assert_int_equal(errors.count, 3);
		assert_string_equal(errors.items[2].message,
				    "a second document starts here; a file "
				    "holds one department and year");
		jx_errlist_free(&errors);
	}
}

/* Mistakes in the records of a project (its money, its plan, its
 * indicators) name the whole way to them, though the reader makes that
 * text only when it reports one. */
static void
test_read_nested_labels(void **state)
{
	static const char text[] =
		"format: jixiao/1\n"
		"department:\n"
		"  name: 某单位\n"
		"year: 2021\n"
		"projects:\n"
		"- name: 一\n"
		"- name: 二\n"
		"  reviewed: yes\n"
		"  money:\n"
		"    annual_total: [1]\n"
		"    annual_fiscal: 十二万\n"
		"  plan:\n"
		"  - percent: 50%\n"
		"  indicators:\n"
		"  - level1: 产出指标\n"
		"    level2: 数量指标\n"
		"    name: 甲\n"
		"    name: 乙\n"
		"    target: \"≥1\\0个\"\n"
		"  - 资金使用率\n"
		"  - level1: 效益指标\n"
		"    level2: {a: b}\n"
		"    name: 丙\n"
		"    target: ''\n"
		"    colour: red\n";
	static const char want[] =
		"8:13: 'reviewed' in project 2 must be true or false, not "
		"'yes'\n"
		"10:19: 'annual_total' in money of project 2 must be an amount "
		"in 万元, not a list\n"
		"11:20: 'annual_fiscal' in money of project 2: amount \"十二万\" "
		"is not a number of 万元: unexpected \"十\"\n"
		"13:5: plan item 1 of project 2 has no 'label'\n"
		"18:5: duplicate key 'name' in indicator 1 of project 2 (first "
		"at line 17)\n"
		"19:13: 'target' in indicator 1 of project 2 contains a NUL "
		"character\n"
		"20:5: indicator 2 of project 2 must be a mapping, not text\n"
		"22:13: 'level2' in indicator 3 of project 2 must be text, not "
		"a mapping\n"
		"24:13: 'target' in indicator 3 of project 2 is empty\n"
		"25:5: unknown key 'colour' in indicator 3 of project 2\n";
	struct jx_errlist errors;
	struct jx_doc doc;
	char got[2048];
	size_t n = 0;

	(void)state;
	jx_errlist_init(&errors);
	assert_int_equal(jx_yaml_read_doc(text, sizeof text - 1, "t.yaml",
					  &doc, &errors),
			 JX_INVALID);
	got[0] = '\0';
	for (size_t i = 0; i < errors.count && n < sizeof got; i++) {
		const struct jx_error *e = &errors.items[i];

		n += (size_t)snprintf(got + n, sizeof got - n, "%ld:%ld: %s\n",
				      e->line, e->column, e->message);
	}
	assert_string_equal(got, want);
	jx_errlist_free(&errors);
	assert_null(doc.projects);
}

static void
test_read_too_many_errors(void **state)
{
	struct jx_errlist errors;
	struct jx_doc doc;
	size_t size = 200 * 16 + 64, n = 0;
	char *text = malloc(size);

	(void)state;
	assert_non_null(text);
	n += (size_t)snprintf(text, size, "format: jixiao/1\n");
	for (int i = 0; i < 200; i++)
		n += (size_t)snprintf(text + n, size - n, "k%d: v\n", i);
	jx_errlist_init(&errors);
	assert_int_equal(jx_yaml_read_doc(text, n, "t.yaml", &doc, &errors),
			 JX_UNKNOWN);
	assert_int_equal(errors.count, JX_YAML_MAX_ERRORS + 1);
	assert_string_equal(errors.items[JX_YAML_MAX_ERRORS].message,
			    "too many errors; giving up");
	jx_errlist_free(&errors);
	free(text);
}

/* The errors go after those already in the list, which are kept. */
static void
test_read_appends_errors(void **state)
{
	struct jx_errlist errors;
	struct jx_error first;
	struct jx_doc doc;

	(void)state;
	jx_errlist_init(&errors);
	jx_error_clear(&first);
	jx_error_at(&first, JX_INVALID, "other.yaml", 9, 9, "earlier");
	assert_int_equal(jx_errlist_add(&errors, &first), JX_OK);
	assert_int_equal(jx_yaml_read_doc("", 0, "t.yaml", &doc, &errors),
			 JX_MISSING);
	assert_int_equal(errors.count, 2);
	assert_string_equal(errors.items[0].message, "earlier");
	assert_string_equal(errors.items[1].message, "the file is empty");
	jx_errlist_free(&errors);
}

static void
test_read_file_input_errors(void **state)
{
	struct jx_errlist errors;
	struct jx_doc doc;
	char path[512];

	(void)state;
	jx_errlist_init(&errors);
	fixture(path, sizeof path, "no-such-file.yaml");
	assert_int_equal(jx_yaml_read_file(path, NULL, &doc, &errors), JX_IO);
	assert_int_equal(errors.count, 1);
	assert_string_equal(errors.items[0].file, path);
	assert_string_equal(errors.items[0].message, strerror(ENOENT));
	jx_errlist_free(&errors);

	jx_errlist_init(&errors);
	make_temp(path, sizeof path, gb_text, sizeof gb_text - 1);
	assert_int_equal(jx_yaml_read_file(path, NULL, &doc, &errors),
			 JX_ENCODING);
	assert_int_equal(errors.count, 1);
	jx_errlist_free(&errors);

	/* converted, it reads (and lacks department and year) */
	jx_errlist_init(&errors);
	assert_int_equal(jx_yaml_read_file(path, "GB18030", &doc, &errors),
			 JX_MISSING);
	assert_int_equal(errors.count, 2);
	assert_string_equal(errors.items[0].message,
			    "the document has no 'department'");
	jx_errlist_free(&errors);
	unlink(path);
}

static void
test_read_gb18030_file(void **state)
{
	static const char text[] = "format: jixiao/1\n"
				   "department:\n"
				   "  name: \xC4\xE3\xBA\xC3\n"
				   "year: 2021\n";
	struct jx_errlist errors;
	struct jx_doc doc;
	char path[512];

	(void)state;
	make_temp(path, sizeof path, text, sizeof text - 1);
	jx_errlist_init(&errors);
	assert_int_equal(jx_yaml_read_file(path, "GB18030", &doc, &errors),
			 JX_OK);
	assert_int_equal(errors.count, 0);
	assert_string_equal(doc.dept_name, "你好");
	jx_doc_free(&doc);
	jx_errlist_free(&errors);
	unlink(path);
}

/* ---- Writing ------------------------------------------------------------- */

static void
test_write_golden(void **state)
{
	static const char want[] =
		"format: jixiao/1\n"
		"department:\n"
		"  code: '441001'\n"
		"  name: 某单位\n"
		"year: 2021\n"
		"goals: |-\n"
		"  1、第一\n"
		"  2、第二\n"
		"projects:\n"
		"- name: 项目\n"
		"  money:\n"
		"    period_total: 1661\n"
		"    annual_total: 130.97\n"
		"    annual_other: 0\n"
		"  plan:\n"
		"  - label: 3月底\n"
		"    percent: 25.00%\n"
		"  - label: 第二季度\n"
		"  goal: |\n"
		"    按时发放\n"
		"  indicators:\n"
		"  - level1: 产出指标\n"
		"    level2: 数量指标\n"
		"    name: 资金使用率\n"
		"    target: ≥90使用率\n";
	struct jx_doc doc;
	struct jx_project *p;
	struct jx_checkpoint *cp;
	struct jx_indicator *ind;
	char *text;

	(void)state;
	minimal_doc(&doc);
	doc.dept_code = sdup("441001");
	doc.goals = sdup("1、第一\n2、第二");
	assert_non_null(p = jx_doc_add_project(&doc));
	p->name = sdup("项目");
	p->period_total = wan("1661");
	p->annual_total = wan("130.9700");
	p->annual_other = wan("0");
	assert_non_null(cp = jx_project_add_checkpoint(p));
	cp->label = sdup("3月底");
	cp->percent = sdup("25.00%");
	assert_non_null(cp = jx_project_add_checkpoint(p));
	cp->label = sdup("第二季度");
	cp->percent = sdup(""); /* empty = absent */
	p->goal = sdup("按时发放\n");
	p->note = sdup("");
	assert_non_null(ind = jx_project_add_indicator(p));
	ind->level1 = sdup("产出指标");
	ind->level2 = sdup("数量指标");
	ind->name = sdup("资金使用率");
	ind->target = sdup("≥90使用率");
	text = assert_round_trip(&doc);
	assert_string_equal(text, want);
	free(text);
	jx_doc_free(&doc);
}

static void
test_write_rich_round_trip(void **state)
{
	struct jx_doc doc;
	char *text;

	(void)state;
	rich_doc(&doc);
	text = assert_round_trip(&doc);
	/* spot checks of the chosen styles */
	assert_non_null(strstr(text, "  code: '441001'\n"));
	assert_non_null(strstr(text, "framework: '2012'\n"));
	assert_non_null(strstr(text, "note: '  前后有空格的说明  '\n"));
	assert_non_null(strstr(text, "- title: 'true'\n"));
	assert_non_null(strstr(text, "  note: 'null'\n"));
	assert_non_null(strstr(text, "- name: '~'\n"));
	assert_non_null(strstr(text, "    name: '- 群众满意度'\n"));
	assert_non_null(strstr(text, "    target: '1.5'\n"));
	assert_non_null(strstr(text, "    basis: '#无'\n"));
	assert_non_null(strstr(text, "    annual_fiscal: 0.0001\n"));
	assert_null(strstr(text, "annual_other"));
	assert_non_null(strstr(text, "  - label: '12'\n    percent: '100'\n"));
	assert_non_null(strstr(text, "  purpose: |+\n"));
	assert_non_null(strstr(text, "  annual_goal: |2-\n"));
	free(text);
	jx_doc_free(&doc);
}

/* Text that is easy to write in a form that reads back differently. */
static const char *const tricky[] = {
	"441001", "0", "-3", "+1", "1.5", "3.", ".5", "1e5", "1_000", "0x1F",
	"0o17", "0b101", "12:30", "2021-01-01", "2021-01-01 08:00",
	"true", "False", "yes", "No", "on", "OFF", "y", "N", "null", "Null",
	"~", ".inf", "-.Inf", ".nan", "<<", "=",
	"- dash", "-", "--", "---", "...", "? q", "?", ":", ": x", "a: b",
	"a:b", "a #b", "#无", "'quoted'", "\"double\"", "it's", "@at", "`bt",
	"%pct", "!bang", "&amp", "*star", "|pipe", ">gt", "[x", "]", "{x",
	"}", ",c", "x,", "a, b",
	" lead", "trail ", "  both  ", "\tx", "a\tb", "　全角空格　",
	"≥90使用率", "100 百分比", "25.00%", "3月底", "１２３",
	"a\nb", "a\nb\n", "a\nb\n\n", "\na", "\n\na\n", " a\nb", "a \nb",
	"a\n b", "a\n\n\nb", "\n", "\n\n", " ", "a\r\nb", "a\rb",
	"x\xE2\x80\xA8y", "x\xEF\xBB\xBFy", "a\n---\nb",
	"a\n...\nb", "line\n# not a comment", "1.\n2.", "- a\n- b",
	"a\\b", "\\", "é",
};

static void
test_write_tricky_texts(void **state)
{
	struct jx_doc doc;
	char *text;

	(void)state;
	for (size_t i = 0; i < sizeof tricky / sizeof *tricky; i++) {
		minimal_doc(&doc);
		doc.note = sdup(tricky[i]);
		text = assert_round_trip(&doc);
		free(text);
		jx_doc_free(&doc);
	}
}

/* A text with a control character (a file of an older jixiao may hold
 * one) is still written, escaped, so that it can be exported; reading it
 * back says where it is rather than let it reach a terminal. */
static void
test_write_controls_read_refused(void **state)
{
	static const struct { const char *text, *escape; unsigned cp; } c[] = {
		{ "a\x1B[2Jb", "\\e[2J", 0x1B },
		{ "x\xC2\x85y", "\\N", 0x85 },
		{ "\x7F", "\\x7F", 0x7F },
	};
	struct jx_errlist errors;
	struct jx_doc doc, back;
	char want[160], *text;
	size_t len;

	(void)state;
	for (size_t i = 0; i < sizeof c / sizeof *c; i++) {
		minimal_doc(&doc);
		doc.note = sdup(c[i].text);
		text = write_ok(&doc, &len);
		if (!strstr(text, c[i].escape))
			fail_msg("case %zu: no %s in\n%s", i, c[i].escape, text);
		jx_errlist_init(&errors);
		assert_int_equal(jx_yaml_read_doc(text, len, "t.yaml", &back,
						  &errors), JX_INVALID);
		snprintf(want, sizeof want, "'note' contains the control "
			 "character U+%04X (a text may hold tabs and line "
			 "breaks, no other)", c[i].cp);
		assert_int_equal(errors.count, 1);
		assert_string_equal(errors.items[0].message, want);
		jx_errlist_free(&errors);
		free(text);
		jx_doc_free(&doc);
	}
}

static void
test_write_long_line_not_folded(void **state)
{
	struct jx_doc doc;
	char long_text[4000], want[4100], *text;
	size_t n = 0;

	(void)state;
	while (n + 16 < sizeof long_text)
		n += (size_t)snprintf(long_text + n, sizeof long_text - n,
				      "资金 use ");
	long_text[n - 1] = 'x'; /* no trailing space */
	minimal_doc(&doc);
	doc.note = sdup(long_text);
	text = assert_round_trip(&doc);
	snprintf(want, sizeof want, "\nnote: %s\n", long_text);
	assert_non_null(strstr(text, want));
	free(text);
	jx_doc_free(&doc);
}

static void
test_write_refuses_invalid(void **state)
{
	struct jx_doc doc;
	struct jx_project *p;
	struct jx_error err;
	char *out = (char *)1;
	size_t len = 99;

	(void)state;
	jx_doc_init(&doc);
	doc.year = 2021;
	jx_error_clear(&err);
	assert_int_equal(jx_yaml_write_doc_mem(&doc, &out, &len, &err),
			 JX_MISSING);
	assert_null(out);
	assert_int_equal(len, 0);
	assert_string_equal(err.message, "department has no 'name'");

	doc.dept_name = sdup("某单位");
	doc.year = 1899;
	assert_int_equal(jx_yaml_write_doc_mem(&doc, &out, &len, &err),
			 JX_INVALID);
	assert_string_equal(err.message,
			    "'year' must be from 1900 to 2999, not 1899");

	doc.year = 2021;
	assert_non_null(jx_doc_add_project(&doc));
	assert_non_null(p = jx_doc_add_project(&doc));
	doc.projects[0].name = sdup("一");
	assert_int_equal(jx_yaml_write_doc_mem(&doc, &out, &len, &err),
			 JX_MISSING);
	assert_string_equal(err.message, "project 2 has no 'name'");

	p->name = sdup("二");
	assert_non_null(jx_project_add_indicator(p));
	assert_int_equal(jx_yaml_write_doc_mem(&doc, &out, &len, &err),
			 JX_MISSING);
	assert_string_equal(err.message,
			    "indicator 1 of project 2 has no 'level1'");
	jx_indicator_free(&p->indicators[0]);
	p->n_indicators = 0;

	p->unit = sdup("a\xC4\xE3");
	assert_int_equal(jx_yaml_write_doc_mem(&doc, &out, &len, &err),
			 JX_ENCODING);
	assert_string_equal(err.message,
			    "'unit' in project 2: byte 1: not valid UTF-8");
	free(p->unit);
	p->unit = NULL;

	p->annual_total.present = true;
	p->annual_total.yuan = JX_MONEY_MAX_YUAN + 1;
	assert_int_equal(jx_yaml_write_doc_mem(&doc, &out, &len, &err),
			 JX_INVALID);
	assert_string_equal(err.message,
			    "'annual_total' in money of project 2 is out of "
			    "range");
	jx_doc_free(&doc);
}

static void
test_write_file(void **state)
{
	struct jx_doc doc;
	struct jx_error err;
	char *mem, got[8192];
	size_t len, n;
	FILE *f = tmpfile();

	(void)state;
	assert_non_null(f);
	rich_doc(&doc);
	mem = write_ok(&doc, &len);
	jx_error_clear(&err);
	assert_int_equal(jx_yaml_write_doc(&doc, f, &err), JX_OK);
	rewind(f);
	n = fread(got, 1, sizeof got, f);
	assert_int_equal(n, len);
	assert_memory_equal(got, mem, len);
	fclose(f);
	free(mem);
	jx_doc_free(&doc);
}

static void
test_write_file_error(void **state)
{
	struct jx_doc doc;
	struct jx_error err;
	FILE *f = fopen("/dev/full", "w");

	(void)state;
	if (!f) {
		skip();
		return;
	}
	rich_doc(&doc);
	jx_error_clear(&err);
	assert_int_equal(jx_yaml_write_doc(&doc, f, &err), JX_IO);
	assert_non_null(strstr(err.message, strerror(ENOSPC)));
	fclose(f);
	jx_doc_free(&doc);
}

static bool
fail_writer(void *ctx, const unsigned char *bytes, size_t size)
{
	(void)bytes;
	(void)size;
	++*(int *)ctx;
	return false;
}

static void
test_write_callback_error(void **state)
{
	struct jx_doc doc;
	struct jx_error err;
	int calls = 0;

	(void)state;
	minimal_doc(&doc);
	jx_error_clear(&err);
	assert_int_equal(jx_yaml_write_doc_cb(&doc, fail_writer, &calls, &err),
			 JX_IO);
	assert_int_equal(calls, 1);
	jx_doc_free(&doc);
}

/* ---- Published samples --------------------------------------------------- */

static int
has_yaml_suffix(const char *name)
{
	size_t n = strlen(name);

	return n > 5 && strcmp(name + n - 5, ".yaml") == 0;
}

static int
by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Every sample reads without error, and read -> write -> read -> write
 * keeps the records and the second text. */
static void
check_sample(const char *path)
{
	struct jx_errlist errors;
	struct jx_doc doc;
	char *text;

	jx_errlist_init(&errors);
	if (jx_yaml_read_file(path, NULL, &doc, &errors) != JX_OK) {
		print_errors(&errors);
		jx_errlist_free(&errors);
		fail_msg("sample %s does not read", path);
	}
	jx_errlist_free(&errors);
	text = assert_round_trip(&doc);
	free(text);
	jx_doc_free(&doc);
}

static void
test_samples(void **state)
{
	const char *dir = getenv("JX_SAMPLES_DIR");
	char *names[1024], path[1024];
	size_t n = 0;
	struct dirent *ent;
	DIR *d = NULL;

	(void)state;
	if (!dir || !*dir)
		dir = SAMPLES_DIR;
	if (!(d = opendir(dir))) {
		skip();
		return;
	}
	while ((ent = readdir(d)) && n < 1024)
		if (has_yaml_suffix(ent->d_name))
			names[n++] = sdup(ent->d_name);
	closedir(d);
	qsort(names, n, sizeof *names, by_name);
	for (size_t i = 0; i < n; i++) {
		check_sample(join(path, sizeof path, dir, names[i]));
		free(names[i]);
	}
	if (n == 0)
		skip();
}

/* ---- main ---------------------------------------------------------------- */

#define BAD(name) \
	{ "bad_" #name, test_bad_file, NULL, NULL, (void *)&bad_##name }

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_input_utf8),
		cmocka_unit_test(test_input_empty),
		cmocka_unit_test(test_input_missing),
		cmocka_unit_test(test_input_directory),
		cmocka_unit_test(test_input_unreadable),
		cmocka_unit_test(test_input_gb18030_hint),
		cmocka_unit_test(test_input_bad_utf8_no_hint),
		cmocka_unit_test(test_input_convert_gb18030),
		cmocka_unit_test(test_input_convert_errors),
		cmocka_unit_test(test_input_position),
		cmocka_unit_test(test_read_minimal),
		cmocka_unit_test(test_read_empty_is_absent),
		BAD(syntax),
		BAD(unknown_key),
		BAD(missing_name),
		BAD(missing_fields),
		BAD(wrong_type),
		BAD(wrong_type_nested),
		BAD(money),
		BAD(year),
		BAD(year_range),
		BAD(duplicate_key),
		BAD(no_format),
		BAD(wrong_format),
		BAD(two_documents),
		BAD(anchor_alias),
		BAD(tag),
		BAD(not_mapping),
		BAD(complex_key),
		BAD(empty),
		BAD(comments_only),
		BAD(only_format),
		cmocka_unit_test(test_read_text_errors),
		cmocka_unit_test(test_read_nested_labels),
		cmocka_unit_test(test_read_too_many_errors),
		cmocka_unit_test(test_read_appends_errors),
		cmocka_unit_test(test_read_file_input_errors),
		cmocka_unit_test(test_read_gb18030_file),
		cmocka_unit_test(test_write_golden),
		cmocka_unit_test(test_write_rich_round_trip),
		cmocka_unit_test(test_write_tricky_texts),
		cmocka_unit_test(test_write_controls_read_refused),
		cmocka_unit_test(test_write_long_line_not_folded),
		cmocka_unit_test(test_write_refuses_invalid),
		cmocka_unit_test(test_write_file),
		cmocka_unit_test(test_write_file_error),
		cmocka_unit_test(test_write_callback_error),
		cmocka_unit_test(test_samples),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
