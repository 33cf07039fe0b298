/**
 * The end of a user's data: deleting a connection (at the provider too, with its history or keeping it archived),
 * erasing a user, and exporting everything FireSync holds about a user. Deletions the provider refuses for now are
 * finished by a job ({@link com.firesync.privacy.DeletionQueue}, implemented by the scheduler); meanwhile what is
 * being deleted is invisible to the API and never synced.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"connection", "events", "ledger", "provider", "shared", "user"})
package com.firesync.privacy;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
