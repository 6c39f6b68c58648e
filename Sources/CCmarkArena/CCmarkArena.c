#include "CCmarkArena.h"

_Thread_local void *friction_cmark_arena;
