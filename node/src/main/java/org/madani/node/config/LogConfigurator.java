package org.madani.node.config;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * The node's logging, set up in code: logback finds this class through {@code
 * META-INF/services/ch.qos.logback.classic.spi.Configurator} before it looks for {@code
 * logback.xml}, which saves parsing XML on every start (about a tenth of a second of the time to
 * ready). {@code MADANI_LOG_FORMAT=JSON} (default) writes one JSON object per line, {@code TEXT} a
 * readable line; {@code MADANI_LOG_LEVEL} sets the root level (default INFO). Each is read from a
 * system property first, then the environment. No access log and no client addresses are ever
 * logged. An operator's own file still wins: with {@code -Dlogback.configurationFile=...} this
 * class steps aside.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_HIGH_PRIORITY)
public final class LogConfigurator extends ContextAwareBase implements Configurator {

  @Override
  public ExecutionStatus configure(LoggerContext context) {
    if (System.getProperty("logback.configurationFile") != null) {
      return ExecutionStatus.INVOKE_NEXT_IF_ANY;
    }
    configure(
        context,
        name -> {
          String v = System.getProperty(name);
          return v != null ? v : System.getenv(name);
        });
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }

  /** Sets up {@code context} from {@code settings} (system properties, then the environment). */
  static void configure(LoggerContext context, UnaryOperator<String> settings) {
    boolean text = "TEXT".equalsIgnoreCase(settings.apply("MADANI_LOG_FORMAT"));
    String level = settings.apply("MADANI_LOG_LEVEL");

    ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
    console.setContext(context);
    console.setName(text ? "TEXT" : "JSON");
    console.setEncoder(text ? textEncoder(context) : jsonEncoder(context));
    console.start();

    ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.setLevel(
        Level.toLevel(level == null ? null : level.strip().toUpperCase(Locale.ROOT), Level.INFO));
    root.addAppender(console);
    context.getLogger("org.flywaydb").setLevel(Level.WARN);
    context.getLogger("io.netty").setLevel(Level.WARN);
    context.getLogger("net.fortuna").setLevel(Level.WARN); // ical4j logs each recurrence step
  }

  private static Encoder<ILoggingEvent> textEncoder(LoggerContext context) {
    PatternLayoutEncoder e = new PatternLayoutEncoder();
    e.setContext(context);
    e.setPattern("%d{HH:mm:ss.SSS} %-5level %logger{24} %msg%n");
    e.start();
    return e;
  }

  private static Encoder<ILoggingEvent> jsonEncoder(LoggerContext context) {
    JsonEncoder e = new JsonEncoder();
    e.setContext(context);
    e.setWithSequenceNumber(false);
    e.setWithNanoseconds(false);
    e.setWithArguments(false);
    e.setWithFormattedMessage(true);
    e.setWithMessage(false);
    e.start();
    return e;
  }
}
