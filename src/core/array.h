/*
 * array.h — growing the arrays of records: one place for the doubling,
 * the overflow check and "the old array stays valid when out of memory",
 * which every list of records (a table's projects, a form's fields, the
 * undo steps, findings …) needs the same way.
 */
#ifndef JX_CORE_ARRAY_H
#define JX_CORE_ARRAY_H

#include <stddef.h>

/* Room for one more element of `size` bytes in an array of `count` with
 * *cap slots: the (maybe moved) array, or NULL when out of memory (the old
 * array is then still valid). Doubling keeps appends amortised O(1); the
 * count check covers arrays built by hand with *cap 0. */
void *jx_array_grow(void *items, size_t count, size_t *cap, size_t size);

/* Appends a zeroed element to *items (count *n, capacity *cap): a pointer
 * to it, or NULL when out of memory (nothing changed). */
void *jx_array_append(void **items, size_t *n, size_t *cap, size_t size);

/* jx_array_append for an array variable `arr` with its count and cap. */
#define JX_APPEND(arr, n, cap) \
	jx_array_append((void **)&(arr), &(n), &(cap), sizeof *(arr))

#endif
