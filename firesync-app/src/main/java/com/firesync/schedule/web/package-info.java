/**
 * HTTP face of the scheduled jobs: job status, manual triggers and the sync service's health.
 */
@NullMarked
package com.firesync.schedule.web;

import org.jspecify.annotations.NullMarked;
