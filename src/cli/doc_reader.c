/*
 * doc_reader.c — reading threads and a bounded ring in file order
 * (doc_reader.h).
 *
 * File i, once read, goes to slot i % AHEAD. A thread claims the next
 * file to read, waits until that file's slot is free (the taker has taken
 * file i - AHEAD), reads it unlocked, and fills the slot. The taker takes
 * the slots in order, waiting while the next one is empty. So files come
 * out in the order given however many threads read them, and at most
 * AHEAD documents are held. One mutex guards the ring; a document is
 * handed over whole under it, so only one thread at a time touches it.
 */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <pthread.h>
#include <stdlib.h>

#include "cli/doc_reader.h"
#include "io/yaml_doc.h"

struct slot {
	struct jx_doc_read d;
	bool full;
};

struct jx_doc_reader {
	char *const *paths;
	int n;
	const char *encoding;
	int n_threads;               /* started; 0: read when asked for */
	pthread_t threads[JX_DOC_READER_THREADS];
	pthread_mutex_t lock;
	pthread_cond_t changed;      /* a slot filled or emptied, or stop */
	struct slot ring[JX_DOC_READER_AHEAD];
	int next;                    /* the next file a thread claims */
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

	pthread_mutex_lock(&r->lock);
	while (!r->stop && r->next < r->n) {
		int i = r->next++;
		struct jx_doc_read d;

		while (!r->stop && i >= r->taken + JX_DOC_READER_AHEAD)
			pthread_cond_wait(&r->changed, &r->lock);
		if (r->stop)
			break;
		pthread_mutex_unlock(&r->lock);
		read_one(r, i, &d);           /* the slow part, unlocked */
		pthread_mutex_lock(&r->lock);
		/* Even when stopped: jx_doc_reader_free drops full slots. */
		r->ring[i % JX_DOC_READER_AHEAD] = (struct slot){ d, true };
		pthread_cond_broadcast(&r->changed);
	}
	pthread_mutex_unlock(&r->lock);
	return NULL;
}

struct jx_doc_reader *
jx_doc_reader_start(char *const *paths, int n, const char *encoding,
		    int threads)
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
	if (threads > JX_DOC_READER_THREADS)
		threads = JX_DOC_READER_THREADS;
	if (threads > n)
		threads = n;
	while (r->n_threads < threads &&
	       pthread_create(&r->threads[r->n_threads], NULL, produce, r) == 0)
		r->n_threads++;
	return r;
}

bool
jx_doc_reader_next(struct jx_doc_reader *r, struct jx_doc_read *out)
{
	struct slot *s;

	if (r->taken == r->n)
		return false;
	if (!r->n_threads) {
		read_one(r, r->taken++, out);
		return true;
	}
	pthread_mutex_lock(&r->lock);
	s = &r->ring[r->taken % JX_DOC_READER_AHEAD];
	while (!s->full)
		pthread_cond_wait(&r->changed, &r->lock);
	*out = s->d;
	s->full = false;
	r->taken++;
	pthread_cond_broadcast(&r->changed);
	pthread_mutex_unlock(&r->lock);
	return true;
}

void
jx_doc_reader_free(struct jx_doc_reader *r)
{
	if (!r)
		return;
	pthread_mutex_lock(&r->lock);
	r->stop = true;
	pthread_cond_broadcast(&r->changed);
	pthread_mutex_unlock(&r->lock);
	for (int i = 0; i < r->n_threads; i++)
		pthread_join(r->threads[i], NULL);
	for (int i = 0; i < JX_DOC_READER_AHEAD; i++)
		if (r->ring[i].full)
			drop(&r->ring[i].d);
	pthread_cond_destroy(&r->changed);
	pthread_mutex_destroy(&r->lock);
	free(r);
}
