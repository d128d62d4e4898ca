// The one byte test of the parallel reader's line split that Swift cannot write as one instruction
// per 16 bytes: SSE2's compare and movemask (Swift's SIMD types have no mask-to-bits). Inline in
// the header, so the Swift optimizer inlines it into the parser's loop; no symbol is exported.

#ifndef CBYTESCAN_H
#define CBYTESCAN_H

#include <stdint.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/// A mask of the 64 bytes at `p`: bit k is set when byte k is below 0x2D ("-"). The caller makes
/// sure the 64 bytes are there.
static inline uint64_t sl_below45_64(const uint8_t *p) {
#if defined(__SSE2__)
  // Unsigned "at most 0x2C": the larger of the byte and 0x2C is 0x2C.
  const __m128i limit = _mm_set1_epi8(0x2C);
  uint64_t mask = 0;
  for (int i = 0; i < 4; i++) {
    __m128i bytes = _mm_loadu_si128((const __m128i *)(p + 16 * i));
    __m128i below = _mm_cmpeq_epi8(_mm_max_epu8(bytes, limit), limit);
    mask |= (uint64_t)(uint16_t)_mm_movemask_epi8(below) << (16 * i);
  }
  return mask;
#else
  // Elsewhere a plain loop, which compilers vectorize.
  uint64_t mask = 0;
  for (int k = 0; k < 64; k++) mask |= (uint64_t)(p[k] < 0x2D) << k;
  return mask;
#endif
}

#endif
