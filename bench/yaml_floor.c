/* jixiao-yaml-floor — libyaml alone parsing files, nothing else.
 *
 * The import's floor as long as it reads YAML with libyaml: every event
 * of every file parsed in one thread, no document built and no row
 * written (libyaml has copied each scalar's text by the time it hands the
 * event over). bench/run times it next to the import, so that the table
 * shows how much of an import's time libyaml itself takes.
 *
 *   jixiao-yaml-floor FILE…
 *
 * Prints "F files, E events, S scalars, B bytes of scalar text"; on a
 * file libyaml cannot parse, "FILE:LINE:COLUMN: PROBLEM" on stderr and
 * exit status 1. */
#include <stdio.h>
#include <string.h>

#include <yaml.h>

struct counts {
	unsigned long events, scalars, bytes;
};

/* Parses one file to its end, adding to *c. Returns 0, or -1 after
 * saying where libyaml stopped. */
static int parse_file(const char *path, struct counts *c)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		perror(path);
		return -1;
	}
	yaml_parser_t parser;
	yaml_parser_initialize(&parser);
	yaml_parser_set_input_file(&parser, f);
	int rc = 0, done = 0;
	while (!done) {
		yaml_event_t ev;
		if (!yaml_parser_parse(&parser, &ev)) {
			fprintf(stderr, "%s:%zu:%zu: %s\n", path,
				parser.problem_mark.line + 1,
				parser.problem_mark.column + 1,
				parser.problem ? parser.problem : "cannot parse");
			rc = -1;
			break;
		}
		c->events++;
		if (ev.type == YAML_SCALAR_EVENT) {
			c->scalars++;
			c->bytes += ev.data.scalar.length;
		}
		done = ev.type == YAML_STREAM_END_EVENT;
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&parser);
	fclose(f);
	return rc;
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: jixiao-yaml-floor FILE...\n");
		return 2;
	}
	struct counts c;
	memset(&c, 0, sizeof c);
	for (int i = 1; i < argc; i++)
		if (parse_file(argv[i], &c) != 0)
			return 1;
	printf("%d files, %lu events, %lu scalars, %lu bytes of scalar text\n",
	       argc - 1, c.events, c.scalars, c.bytes);
	return 0;
}
