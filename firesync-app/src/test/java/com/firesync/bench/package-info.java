/**
 * The benchmark suite: FireSync measured against the physical bounds of its work (the provider's rate limit, the
 * database's bulk load rate, a bare SQL anchor) in the same run. Run with {@code scripts/bench.sh}; see
 * docs/benchmarks.md.
 */
@NullMarked
package com.firesync.bench;

import org.jspecify.annotations.NullMarked;
