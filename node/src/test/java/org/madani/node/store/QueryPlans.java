package org.madani.node.store;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Wraps a connection so that every statement the real repository code prepares and runs is first
 * explained by H2 with the same parameters: tests check the plans of the queries the code actually
 * sends, not copies of them that could drift.
 */
final class QueryPlans {

  /** A statement as run, with H2's plan for it. */
  record Plan(String sql, String plan) {
    boolean scans() {
      return plan.contains(".tableScan") || plan.contains("TABLE_SCAN");
    }
  }

  private final List<Plan> plans = new ArrayList<>();

  List<Plan> plans() {
    return List.copyOf(plans);
  }

  void clear() {
    plans.clear();
  }

  Connection wrap(Connection real) {
    return (Connection)
        Proxy.newProxyInstance(
            getClass().getClassLoader(),
            new Class<?>[] {Connection.class},
            (proxy, m, args) -> {
              Object out = invoke(real, m, args);
              if (m.getName().equals("prepareStatement") && args.length >= 1) {
                return statement(real, (String) args[0], (PreparedStatement) out);
              }
              return out;
            });
  }

  private PreparedStatement statement(Connection real, String sql, PreparedStatement ps) {
    Map<Integer, Object[]> params = new TreeMap<>();
    InvocationHandler h =
        (proxy, m, args) -> {
          String name = m.getName();
          if (name.startsWith("set")
              && args != null
              && args.length >= 2
              && args[0] instanceof Integer i) {
            params.put(i, new Object[] {m, args});
          } else if (name.equals("executeQuery")
              || name.equals("executeUpdate")
              || name.equals("execute")
              || name.equals("executeBatch")) { // a batch: the plan with the last parameters
            explain(real, sql, params);
          }
          return invoke(ps, m, args);
        };
    return (PreparedStatement)
        Proxy.newProxyInstance(
            getClass().getClassLoader(), new Class<?>[] {PreparedStatement.class}, h);
  }

  private void explain(Connection real, String sql, Map<Integer, Object[]> params)
      throws SQLException {
    try (PreparedStatement ex = real.prepareStatement("EXPLAIN " + sql)) {
      for (Object[] call : params.values()) {
        try {
          ((Method) call[0]).invoke(ex, (Object[]) call[1]);
        } catch (ReflectiveOperationException e) {
          throw new SQLException(e);
        }
      }
      StringBuilder plan = new StringBuilder();
      try (ResultSet rs = ex.executeQuery()) {
        while (rs.next()) plan.append(rs.getString(1));
      }
      plans.add(new Plan(sql, plan.toString()));
    }
  }

  private static Object invoke(Object target, Method m, Object[] args) throws Throwable {
    try {
      return m.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  /** Plans grouped by statement text (one statement may run many times). */
  Map<String, String> bySql() {
    Map<String, String> out = new LinkedHashMap<>();
    for (Plan p : plans) out.putIfAbsent(p.sql(), p.plan());
    return out;
  }
}
