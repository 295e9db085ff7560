/*
 * doc_reader.c — a reading thread and a bounded queue (doc_reader.h).
 *
 * One producer (the thread) and one taker, a ring of AHEAD slots under
 * one mutex: the thread waits while the ring is full, the taker while it
 * is empty. A document is handed over whole, under the mutex, so it is
 * only ever touched by one thread at a time.
 */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <pthread.h>
#include <stdlib.h>

#include "cli/doc_reader.h"
#include "io/yaml_doc.h"

struct jx_doc_reader {
	char *const *paths;
	int n;
	const char *encoding;
	bool threaded;
	pthread_t thread;
	pthread_mutex_t lock;
	pthread_cond_t changed;      /* a slot filled or emptied, or stop */
	struct jx_doc_read ring[JX_DOC_READER_AHEAD];
	int head, count;             /* taken from head; count filled */
	int taken;                   /* files taken so far */
	bool stop;                   /* the taker wants no more */
};

static void
read_one(const struct jx_doc_reader *r, int i, struct jx_doc_read *out)
{
	out->path = r->paths[i];
	jx_errlist_init(&out->errors);
	out->status = jx_yaml_read_file(out->path, r->encoding, &out->doc,
					&out->errors);
}

static void
drop(struct jx_doc_read *d)
{
	jx_doc_free(&d->doc);
	jx_errlist_free(&d->errors);
}

static void *
produce(void *arg)
{
	struct jx_doc_reader *r = arg;

	for (int i = 0; i < r->n; i++) {
		struct jx_doc_read d;

		pthread_mutex_lock(&r->lock);
		while (r->count == JX_DOC_READER_AHEAD && !r->stop)
			pthread_cond_wait(&r->changed, &r->lock);
		if (r->stop) {
			pthread_mutex_unlock(&r->lock);
			break;
		}
		pthread_mutex_unlock(&r->lock);
		read_one(r, i, &d);           /* the slow part, unlocked */
		pthread_mutex_lock(&r->lock);
		r->ring[(r->head + r->count) % JX_DOC_READER_AHEAD] = d;
		r->count++;
		pthread_cond_signal(&r->changed);
		pthread_mutex_unlock(&r->lock);
	}
	return NULL;
}

struct jx_doc_reader *
jx_doc_reader_start(char *const *paths, int n, const char *encoding)
{
	struct jx_doc_reader *r = calloc(1, sizeof *r);

	if (!r)
		return NULL;
	r->paths = paths;
	r->n = n;
	r->encoding = encoding;
	if (pthread_mutex_init(&r->lock, NULL) != 0) {
		free(r);
		return NULL;
	}
	if (pthread_cond_init(&r->changed, NULL) != 0) {
		pthread_mutex_destroy(&r->lock);
		free(r);
		return NULL;
	}
	r->threaded = pthread_create(&r->thread, NULL, produce, r) == 0;
	return r;
}

bool
jx_doc_reader_next(struct jx_doc_reader *r, struct jx_doc_read *out)
{
	if (r->taken == r->n)
		return false;
	if (!r->threaded) {
		read_one(r, r->taken++, out);
		return true;
	}
	pthread_mutex_lock(&r->lock);
	while (r->count == 0)
		pthread_cond_wait(&r->changed, &r->lock);
	*out = r->ring[r->head];
	r->head = (r->head + 1) % JX_DOC_READER_AHEAD;
	r->count--;
	r->taken++;
	pthread_cond_signal(&r->changed);
	pthread_mutex_unlock(&r->lock);
	return true;
}

void
jx_doc_reader_free(struct jx_doc_reader *r)
{
	if (!r)
		return;
	if (r->threaded) {
		pthread_mutex_lock(&r->lock);
		r->stop = true;
		pthread_cond_signal(&r->changed);
		pthread_mutex_unlock(&r->lock);
		pthread_join(r->thread, NULL);
	}
	for (; r->count > 0; r->count--) {
		drop(&r->ring[r->head]);
		r->head = (r->head + 1) % JX_DOC_READER_AHEAD;
	}
	pthread_cond_destroy(&r->changed);
	pthread_mutex_destroy(&r->lock);
	free(r);
}
