package com.firesync.sync;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableAsync;

/**
 * Event listeners of the sync run on their own threads, after the commit that published the event.
 */
@Configuration(proxyBeanMethods = false)
@EnableAsync
class SyncConfiguration {
}
