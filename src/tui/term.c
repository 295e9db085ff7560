/*
 * term.c — locale, curses, signals and reading keys (see term.h).
 */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif


#include <curses.h>
#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <termios.h>

#include "core/i18n.h"
#include "core/utf8.h"
#include "tui/replay.h"
#include "tui/term.h"

static volatile sig_atomic_t stop_requested;
static SCREEN *screen;
static bool colors;

static bool
codeset_is_utf8(void)
{
	const char *cs = nl_langinfo(CODESET);
	return cs && (strcasecmp(cs, "UTF-8") == 0 || strcasecmp(cs, "utf8") == 0);
}

bool
jx_term_locale(char *notice, size_t size)
{
	static const char *const fallbacks[] = {
		"C.UTF-8", "C.utf8", "en_US.UTF-8", "zh_CN.UTF-8", NULL
	};
	const char *was;

	if (codeset_is_utf8())   /* LC_CTYPE as main set it from LANG… */
		return true;
	was = setlocale(LC_CTYPE, NULL);
	for (int i = 0; fallbacks[i]; i++) {
		if (setlocale(LC_CTYPE, fallbacks[i]) && codeset_is_utf8()) {
			snprintf(notice, size, _("The locale (%s) is not UTF-8;"
						 " using %s. Set LANG=C.UTF-8 to"
						 " silence this."),
				 was ? was : "C", fallbacks[i]);
			return true;
		}
	}
	snprintf(notice, size, _("jixiao needs a UTF-8 locale to show Chinese"
				 " text, and none is installed. Install one"
				 " (apt-get install locales) and set"
				 " LANG=C.UTF-8."));
	return false;
}

static void
on_signal(int sig)
{
	stop_requested = sig;
}

static void
catch_signals(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
}

/* newterm() for $TERM, then for the fallbacks; newterm (unlike initscr)
 * returns NULL instead of exiting when a terminal type is unknown. */
/* Replaying keys: curses draws into its own screen only (the dump reads
 * it back); LINES and COLUMNS give the size. */
static SCREEN *
open_replay_screen(void)
{
	FILE *out = fopen("/dev/null", "w"), *in = fopen("/dev/null", "r");
	const char *term = getenv("TERM");

	if (!out || !in)
		return NULL;
	return newterm(term && *term ? term : "xterm-256color", out, in);
}

static SCREEN *
open_screen(char *notice, size_t size)
{
	static const char *const fallbacks[] = { "xterm-256color", "vt100",
						 NULL };
	const char *term = getenv("TERM");
	SCREEN *s = term && *term ? newterm(term, stdout, stdin) : NULL;
	size_t len = strlen(notice);

	for (int i = 0; !s && fallbacks[i]; i++) {
		s = newterm(fallbacks[i], stdout, stdin);
		if (s)
			snprintf(notice + len, size - len,
				 _("%sThe terminal type '%s' is not known here;"
				   " using %s."), len ? " " : "",
				 term && *term ? term : "", fallbacks[i]);
	}
	return s;
}

/* C-s saves a form and C-q is free to bind: the terminal must not take
 * them for XOFF/XON. Kept as the program mode that endwin restores. */
static void
flow_control_off(void)
{
	struct termios t;

	if (tcgetattr(fileno(stdin), &t) != 0)
		return;
	t.c_iflag &= ~(tcflag_t)IXON;
	if (tcsetattr(fileno(stdin), TCSANOW, &t) == 0)
		def_prog_mode();
}

bool
jx_term_start(char *notice, size_t size)
{
	if (!getenv("ESCDELAY"))
		set_escdelay(25);   /* Esc acts at once */
	screen = jx_replay_active() ? open_replay_screen()
				    : open_screen(notice, size);
	if (!screen) {
		snprintf(notice, size, _("cannot start the terminal (TERM=%s);"
					 " try TERM=xterm-256color"),
			 getenv("TERM") ? getenv("TERM") : "");
		return false;
	}
	catch_signals();
	cbreak();
	flow_control_off();
	noecho();
	nonl();
	intrflush(stdscr, FALSE);
	keypad(stdscr, TRUE);
	curs_set(0);
	colors = has_colors() && !getenv("NO_COLOR");
	if (colors) {
		start_color();
		use_default_colors();
		init_pair(1, COLOR_CYAN, -1);    /* titles */
		init_pair(2, COLOR_YELLOW, -1);  /* notices */
		init_pair(3, COLOR_RED, -1);     /* errors */
	}
	return true;
}

void
jx_term_stop(void)
{
	const char *smcup;

	if (!screen)
		return;
	jx_replay_finish();
	/* Without an alternate screen (vt100) what was drawn stays on the
	 * terminal after endwin: clear it, so the shell starts clean. */
	smcup = tigetstr("smcup");
	if (!smcup || smcup == (char *)-1) {
		erase();
		refresh();
	}
	endwin();
	delscreen(screen);
	screen = NULL;
}

bool
jx_term_should_stop(void)
{
	return stop_requested != 0;
}

int
jx_term_signal(void)
{
	return (int)stop_requested;
}

bool
jx_term_colors(void)
{
	return colors;
}

/* Alt + a cursor key as xterm and tmux send it (ESC [ 1 ; 3 B): curses
 * reads it as a key of its own, named after its terminfo capability;
 * it is the same key as Esc followed by the cursor key. 0: not one. */
static jx_keycode
alt_cursor(int c)
{
	static const struct {
		const char *name;
		int key;
	} alt[] = {
		{ "kUP3", KEY_UP },     { "kDN3", KEY_DOWN },
		{ "kLFT3", KEY_LEFT },  { "kRIT3", KEY_RIGHT },
		{ "kHOM3", KEY_HOME },  { "kEND3", KEY_END },
		{ "kPRV3", KEY_PPAGE }, { "kNXT3", KEY_NPAGE },
		{ "kDC3", KEY_DC },
	};
	const char *name = keyname(c);

	for (size_t i = 0; name && i < sizeof alt / sizeof *alt; i++)
		if (strcmp(name, alt[i].name) == 0)
			return JX_KEY_META + JX_KEY_FN + alt[i].key;
	return 0;
}

/* The same key, however the terminal sent it: c is what getch gave, a
 * byte or a curses KEY_* code. */
static jx_keycode
normalise(int c)
{
	jx_keycode alt;

	if (c == KEY_ENTER || c == 10)
		return 13;
	if (c == KEY_BACKSPACE || c == 8)
		return 127;
	if (c >= KEY_MIN && (alt = alt_cursor(c)) != 0)
		return alt;
	if (c >= KEY_MIN)
		return JX_KEY_FN + (jx_keycode)c;
	return (jx_keycode)c;
}

/*
 * The rest of a UTF-8 character whose first byte is `first`. Bytes are
 * read one by one (getch, not get_wch) because ncurses' own decoder, given
 * bytes that are not UTF-8 (a paste from a GBK terminal), stops returning
 * keys at all; here such input becomes one JX_KEY_BAD that a field can
 * refuse, and typing goes on.
 */
static jx_keycode
read_utf8(int first)
{
	char buf[4];
	int need = first >= 0xF0 ? 3 : first >= 0xE0 ? 2 : 1;
	int32_t cp;

	if (first < 0xC2 || first > 0xF4)
		return JX_KEY_BAD;
	buf[0] = (char)first;
	timeout(50);
	for (int i = 1; i <= need; i++) {
		int c = getch();
		if (c == ERR || c >= 0x100 || (c & 0xC0) != 0x80) {
			if (c != ERR)
				ungetch(c);
			return JX_KEY_BAD;
		}
		buf[i] = (char)c;
	}
	if (jx_utf8_decode(buf, (size_t)need + 1, &cp) != need + 1)
		return JX_KEY_BAD;
	return cp;
}

static jx_keycode
read_key(int c)
{
	return c >= 0x80 && c < 0x100 ? read_utf8(c) : normalise(c);
}

jx_keycode
jx_term_key(int timeout_ms, long long rows_read)
{
	int c;
	jx_keycode key;

	if (jx_replay_active()) {
		key = jx_replay_key(rows_read);
		return key < 0 ? -2 : key;
	}
	timeout(timeout_ms);
	c = getch();
	if (c == ERR)
		return -1;
	key = read_key(c);
	if (key == 27) {
		/* Esc followed at once by a key is Alt/Meta + that key. */
		timeout(0);
		c = getch();
		if (c != ERR) {
			key = read_key(c);
			return key == JX_KEY_BAD ? key : JX_KEY_META + key;
		}
	}
	return key;
}
