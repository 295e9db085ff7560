/*
 * history.c — the change history of the focused record, shown in the
 * detail area under the panes (newest first) until the cursor moves:
 * who changed which field when, from what to what.
 */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/strbuf.h"
#include "tui/edit.h"

#define HISTORY_ROWS 200
#define VALUE_SHOWN 60    /* bytes of an old or new value, then … */

/* The history being written, and how many changes it lists. */
struct text {
	struct jx_strbuf b;
	int rows;
};

/* A value on one line, cut on a character boundary. */
static void
one_line(const char *s, char *buf, size_t size)
{
	size_t j = 0;

	for (const char *p = s ? s : ""; *p && j + 4 < size; p++) {
		if (j >= VALUE_SHOWN && ((unsigned char)*p & 0xC0) != 0x80) {
			memcpy(buf + j, "…", 3);
			j += 3;
			break;
		}
		buf[j++] = *p == '\n' || *p == '\t' ? ' ' : *p;
	}
	buf[j] = '\0';
}

static int
add_row(void *ctx, const struct jx_change_row *row)
{
	struct text *t = ctx;
	char line[600], old[96], new_[96], when[20];

	snprintf(when, sizeof when, "%.16s", row->at ? row->at : "");
	for (char *p = when; *p; p++)
		if (*p == 'T')
			*p = ' ';
	one_line(row->old, old, sizeof old);
	one_line(row->new_, new_, sizeof new_);
	if (row->field)
		snprintf(line, sizeof line, "%s  %s  %s %s: %s → %s\n", when,
			 row->who, row->action, row->field, old[0] ? old : "∅",
			 new_[0] ? new_ : "∅");
	else
		snprintf(line, sizeof line, "%s  %s  %s %s %s\n", when,
			 row->who, row->action, row->tbl,
			 row->label ? row->label : "");
	jx_strbuf_add(&t->b, line);
	t->rows++;
	return 0;
}

void
jx_history_show(struct jx_app *app, enum jx_rec_kind rec, int64_t id)
{
	struct jx_log_filter f = { .record_id = id, .limit = HISTORY_ROWS,
				   .newest_first = true,
				   .with_children = rec == JX_REC_PROJECT };
	struct text t = { JX_STRBUF_INIT, 0 };
	struct jx_error err;

	f.tbl = rec == JX_REC_YEAR ? "dept_year"
		: rec == JX_REC_PROJECT ? "project" : "indicator";
	if (!id) {
		jx_app_message(app, true, _("Nothing is selected here"));
		return;
	}
	jx_error_clear(&err);
	jx_strbuf_add(&t.b, rec == JX_REC_PROJECT
	       ? _("History of this project and its indicators, newest"
		   " first:\n")
	       : _("History of this record, newest first:\n"));
	if (jx_store_log(app->st, &f, add_row, &t, &err) != JX_OK) {
		char buf[JX_ERR_MSG + JX_ERR_FILE + 32];
		jx_error_format(&err, buf, sizeof buf);
		jx_app_message(app, true, "%s", buf);
		jx_strbuf_free(&t.b);
		return;
	}
	if (t.rows == 0)
		jx_strbuf_add(&t.b, _("(no changes recorded)\n"));
	if (t.b.oom) {
		jx_strbuf_free(&t.b);
		return;
	}
	free(app->detail);
	app->detail = t.b.s;
	jx_app_message(app, false, ngettext("%d change (the detail shows it"
					    " until the cursor moves)",
					    "%d changes (the detail shows"
					    " them until the cursor moves)",
					    t.rows), t.rows);
}
