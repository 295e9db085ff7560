/*
 * array.c — growing arrays of records (see array.h).
 */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include "core/array.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

void *
jx_array_grow(void *items, size_t count, size_t *cap, size_t size)
{
	size_t n;
	void *p;

	if (count < *cap)
		return items;
	n = *cap ? *cap * 2 : 4;
	if (n <= count)
		n = count * 2;
	if (n > SIZE_MAX / size)
		return NULL;
	p = realloc(items, n * size);
	if (p != NULL)
		*cap = n;
	return p;
}

void *
jx_array_append(void **items, size_t *n, size_t *cap, size_t size)
{
	char *p = jx_array_grow(*items, *n, cap, size);

	if (p == NULL)
		return NULL;
	*items = p;
	memset(p + *n * size, 0, size);
	return p + (*n)++ * size;
}
