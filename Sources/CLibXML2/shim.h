#include <libxml/xmlversion.h>
/* Some libxml2 builds (Debian's among them) enable ICU, and encoding.h then
 * includes ICU's headers, whose types clash with the copy of ICU inside
 * Swift's Foundation. Friction never touches libxml2's ICU converters (only
 * pointers to encoding handlers cross into Swift), so hide them. */
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlschemas.h>
#include <libxml/entities.h>
