/*
 * i18n.h — marking strings the user reads for translation.
 *
 * _() goes through gettext (part of glibc), so a translation can be added by
 * installing a message catalogue, without touching the code. N_() marks a
 * string in a static table; it is translated where it is printed.
 */
#ifndef JX_CORE_I18N_H
#define JX_CORE_I18N_H

#include <libintl.h>

#define _(s) gettext(s)
#define N_(s) (s)

#endif
