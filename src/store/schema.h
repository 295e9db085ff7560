/*
 * schema.h — creating and migrating the database schema.
 */
#ifndef JX_STORE_SCHEMA_H
#define JX_STORE_SCHEMA_H

#include <sqlite3.h>

#include "core/error.h"

/* 'JXIO': marks a database file as jixiao's (PRAGMA application_id). */
#define JX_APPLICATION_ID 0x4A58494F
#define JX_SCHEMA_VERSION 7

/* Brings db (opened read-write) up to JX_SCHEMA_VERSION in one transaction.
 * path is only used in messages. Refuses a newer schema (JX_TOONEW) and a
 * database that belongs to another program (JX_NOTDB). */
enum jx_status jx_schema_migrate(sqlite3 *db, const char *path,
				 struct jx_error *err);

/* For read-only handles: checks that db is a jixiao database of a version
 * this program can read, without changing anything. */
enum jx_status jx_schema_check(sqlite3 *db, const char *path,
			       struct jx_error *err);

#endif
