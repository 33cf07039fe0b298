/**
 * The banking provider port: what FireSync asks of an open-banking aggregator, the provider-neutral records it
 * answers with, and the sealed {@link com.firesync.provider.ProviderFailure} every call fails with. Powens is the
 * first implementation ({@code provider.powens}); no provider type leaves that package.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"runtime"})
package com.firesync.provider;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
