/* The random streams of the generators (gen_specs.c, gen_vault.c): each
 * file has its own, splitmix64 of the seed and the file's index, so that
 * the output depends only on them. */
#ifndef CURSUS_BENCH_GEN_RNG_H
#define CURSUS_BENCH_GEN_RNG_H

#include <stdint.h>

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

struct rng {
	uint64_t s;
};

static inline uint64_t next_u64(struct rng *r)
{
	uint64_t z = (r->s += 0x9E3779B97F4A7C15ULL);
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
	return z ^ (z >> 31);
}

/* The stream of the file numbered index, its first draws dropped. */
static inline struct rng rng_stream(uint64_t seed, long index)
{
	struct rng r = { seed * 0xD1B54A32D192ED03ULL ^ (uint64_t)(index + 1) * 0x9E3779B97F4A7C15ULL };
	for (int i = 0; i < 4; i++)
		next_u64(&r);
	return r;
}

/* A number in [lo, hi]. */
static inline int between(struct rng *r, int lo, int hi)
{
	return lo + (int)(next_u64(r) % (uint64_t)(hi - lo + 1));
}

static inline int chance(struct rng *r, int percent)
{
	return between(r, 1, 100) <= percent;
}

#define PICK(r, a) ((a)[next_u64(r) % COUNT(a)])

#endif
