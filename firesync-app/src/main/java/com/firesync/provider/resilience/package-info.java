/**
 * Resilience around provider calls: one rate limit per provider (shared by every instance on PostgreSQL, through
 * a Bucket4j budget in the database), one concurrency bound and retry policy per provider and instance, and a circuit
 * per FireSync connection. The sync engine sees a plain
 * {@link com.firesync.provider.BankingProvider} (already guarded) and {@link ConnectionCircuits}; no Resilience4j type
 * leaves this package.
 */
@NullMarked
@NamedInterface("resilience")
package com.firesync.provider.resilience;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
