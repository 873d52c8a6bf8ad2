package org.madani.node.health;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;

/**
 * The JVM and process series beside Madani's own in {@code /metrics}: memory pools, garbage
 * collection pauses, threads, classes, CPU use and uptime (Micrometer's binders). A verticle so
 * that the GC listeners it installs are removed when the node stops (several nodes share a JVM in
 * the tests).
 */
public final class RuntimeMetrics extends VerticleBase {

  private final MeterRegistry registry;
  private JvmGcMetrics gc;

  public RuntimeMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public Future<?> start() {
    new JvmMemoryMetrics().bindTo(registry);
    gc = new JvmGcMetrics();
    gc.bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    return Future.succeededFuture();
  }

  @Override
  public Future<?> stop() {
    if (gc != null) gc.close();
    return Future.succeededFuture();
  }
}
