package org.madani.node.config;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.OutputStreamAppender;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class LogConfiguratorTest {

  @Test
  void logbackFindsIt() {
    assertThat(ServiceLoader.load(Configurator.class).stream().map(ServiceLoader.Provider::type))
        .contains(LogConfigurator.class);
  }

  @Test
  void json_byDefault_oneObjectPerLine_formattedMessageOnly() {
    LoggerContext context = context();
    LogConfigurator.configure(context, Map.<String, String>of()::get);

    ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    assertThat(root.getLevel()).isEqualTo(Level.INFO);
    String line = render(context, "org.madani.node.X", "node serving {}", "here");
    assertThat(line)
        .startsWith("{")
        .endsWith("}\n")
        .contains("\"level\":\"INFO\"", "\"formattedMessage\":\"node serving here\"")
        .doesNotContain("\"message\":", "\"arguments\"");
    assertThat(context.getLogger("org.flywaydb").getLevel()).isEqualTo(Level.WARN);
    assertThat(context.getLogger("io.netty").getLevel()).isEqualTo(Level.WARN);
    assertThat(context.getLogger("net.fortuna").getLevel()).isEqualTo(Level.WARN);
  }

  @Test
  void text_andLevel_fromSettings() {
    LoggerContext context = context();
    LogConfigurator.configure(
        context, Map.of("MADANI_LOG_FORMAT", "text", "MADANI_LOG_LEVEL", "debug")::get);

    assertThat(context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getLevel())
        .isEqualTo(Level.DEBUG);
    assertThat(render(context, "org.madani.node.MadaniNode", "node serving at {}", "http://x"))
        .matches(
            "\\d\\d:\\d\\d:\\d\\d\\.\\d{3} INFO  o\\.madani\\.node\\.MadaniNode node serving at http://x\n");
  }

  @Test
  void unknownLevel_fallsBackToInfo() {
    LoggerContext context = context();
    LogConfigurator.configure(context, Map.of("MADANI_LOG_LEVEL", "loud")::get);
    assertThat(context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getLevel())
        .isEqualTo(Level.INFO);
  }

  private static LoggerContext context() {
    LoggerContext context = new LoggerContext();
    context.setMDCAdapter(new LogbackMDCAdapter());
    return context;
  }

  /** What the configured console appender's encoder writes for one INFO event. */
  private static String render(LoggerContext context, String logger, String msg, Object arg) {
    OutputStreamAppender<ILoggingEvent> console =
        (OutputStreamAppender<ILoggingEvent>)
            context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).iteratorForAppenders().next();
    LoggingEvent event =
        new LoggingEvent(
            logger, context.getLogger(logger), Level.INFO, msg, null, new Object[] {arg});
    return new String(console.getEncoder().encode(event), StandardCharsets.UTF_8);
  }
}
