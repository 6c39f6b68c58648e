#ifndef FRICTION_CCMARK_ARENA_H
#define FRICTION_CCMARK_ARENA_H

/* The arena of the cmark-gfm tree the calling thread is working on (see
   CMarkArena.swift). cmark's allocator callbacks take no context, so each
   one looks its arena up here: a C thread-local is read with a load, where
   pthread_getspecific (and the lazy Swift global holding its key) was two
   calls per allocation, some 1% of a lint run's instructions. Swift has no
   thread-local storage of its own; one definition, in CCmarkArena.c. */
extern _Thread_local void *friction_cmark_arena;

static inline void *friction_cmark_arena_get(void) { return friction_cmark_arena; }

static inline void friction_cmark_arena_set(void *arena) { friction_cmark_arena = arena; }

#endif
