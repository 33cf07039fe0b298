package com.firesync.schedule;

/**
 * What one scheduled job does when it runs, on whichever instance picked it.
 */
interface JobWork {

    Job job();

    /**
     * Does the job's work once.
     *
     * @return a short account of what was done, for the log and the job status (never a secret)
     */
    String run();
}
