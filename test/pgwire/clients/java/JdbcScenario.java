// pgjdbc against Eddy's Postgres endpoint, driven by test/pgwire/clients/pgjdbc.test.ts.
// Usage: JdbcScenario PORT SCENARIO ARGS... Prints one JSON object per line ({"event": ...});
// reads commands ("cancel") from stdin where a scenario needs the test to act first.
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

public final class JdbcScenario {
  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    String url = "jdbc:postgresql://127.0.0.1:" + port + "/eddy?user=eddy&connectTimeout=5";
    try (Connection conn = DriverManager.getConnection(url)) {
      switch (args[1]) {
        case "basics": basics(conn, args[2]); break;
        case "fetch": fetch(conn, args[2], Integer.parseInt(args[3]), Integer.parseInt(args[4]), args[5]); break;
        case "cancel": cancel(conn, args[2], args[3]); break;
        case "error": error(conn, args[2], args[3]); break;
        case "copy": copy(conn, args[2], args[3], args[4]); break;
        default: throw new IllegalArgumentException("unknown scenario " + args[1]);
      }
    }
  }

  static void basics(Connection conn, String stream) throws SQLException {
    try (Statement st = conn.createStatement()) {
      st.execute("CREATE STREAM " + stream + " (id INT KEY, v DOUBLE, name STRING) WITH (kafka_topic='"
          + stream + "', value_format='json', partitions=1);");
    }
    say("created");
    try (PreparedStatement ins = conn.prepareStatement("INSERT INTO " + stream + " (id, v, name) VALUES (?, ?, ?);")) {
      ins.setInt(1, 1); ins.setDouble(2, 1.5); ins.setString(3, "one");
      ins.executeUpdate();
      ins.setInt(1, 2); ins.setDouble(2, 2.5); ins.setString(3, "two"); ins.addBatch();
      ins.setInt(1, 3); ins.setDouble(2, -0.25); ins.setString(3, "three"); ins.addBatch();
      ins.executeBatch();
    }
    say("inserted");
    try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("SELECT id, v, name FROM " + stream + ";")) {
      say("pulled", "\"columns\":" + columns(rs.getMetaData()) + ",\"rows\":" + rows(rs, Integer.MAX_VALUE, false));
    }
    try (PreparedStatement q = conn.prepareStatement("SELECT name FROM " + stream + " WHERE id = ?;")) {
      q.setInt(1, 2);
      try (ResultSet rs = q.executeQuery()) { say("pulled-where", "\"rows\":" + rows(rs, Integer.MAX_VALUE, false)); }
    }
  }

  /** setFetchSize with autocommit off: Execute with a row limit, PortalSuspended, Execute again. */
  static void fetch(Connection conn, String query, int fetchSize, int n, String after) throws SQLException {
    conn.setAutoCommit(false);
    try (Statement st = conn.createStatement()) {
      st.setFetchSize(fetchSize);
      try (ResultSet rs = st.executeQuery(query)) {
        rows(rs, n, true);
      }
      say("closed");
    }
    conn.rollback();
    conn.setAutoCommit(true);
    after(conn, after);
  }

  /** Statement.cancel() from another thread, as a user's timeout or stop button does. */
  static void cancel(Connection conn, String query, String after) throws Exception {
    try (Statement st = conn.createStatement()) {
      Thread canceller = new Thread(() -> {
        try {
          BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
          for (String line; (line = in.readLine()) != null; ) {
            if (line.trim().equals("cancel")) { st.cancel(); return; }
          }
        } catch (Exception e) {
          say("canceller-failed", "\"message\":" + json(e.toString()));
        }
      });
      canceller.setDaemon(true);
      canceller.start();
      try (ResultSet rs = st.executeQuery(query)) {
        say("no-error");
      } catch (SQLException e) {
        sayError(e);
      }
    }
    after(conn, after);
  }

  static void error(Connection conn, String query, String after) throws SQLException {
    try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery(query)) {
      say("no-error");
    } catch (SQLException e) {
      sayError(e);
    }
    after(conn, after);
  }

  /** CopyManager.copyIn: COPY ... FROM STDIN with the data from a Reader (pgjdbc's bulk load). */
  static void copy(Connection conn, String sql, String data, String after) throws Exception {
    CopyManager copier = conn.unwrap(PGConnection.class).getCopyAPI();
    try {
      long n = copier.copyIn(sql, new StringReader(data));
      say("copied", "\"rows\":" + n);
    } catch (SQLException e) {
      sayError(e);
    }
    after(conn, after);
  }

  static void after(Connection conn, String query) throws SQLException {
    try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery(query)) {
      say("after", "\"rows\":" + rows(rs, Integer.MAX_VALUE, false));
    }
  }

  static void sayError(SQLException e) {
    ServerErrorMessage m = e instanceof PSQLException ? ((PSQLException) e).getServerErrorMessage() : null;
    say("error", "\"sqlstate\":" + json(e.getSQLState()) + ",\"message\":" + json(m == null ? e.getMessage() : m.getMessage())
        + ",\"position\":" + (m == null ? "null" : String.valueOf(m.getPosition())));
  }

  /** Up to `limit` rows as [{"values":[...],"types":[Java class names]}]; `each` prints every row as it comes. */
  static String rows(ResultSet rs, int limit, boolean each) throws SQLException {
    int n = rs.getMetaData().getColumnCount();
    List<String> out = new ArrayList<>();
    while (out.size() < limit && rs.next()) {
      List<String> values = new ArrayList<>();
      List<String> types = new ArrayList<>();
      for (int i = 1; i <= n; i++) {
        Object v = rs.getObject(i);
        values.add(v == null ? "null" : v instanceof Number || v instanceof Boolean ? v.toString() : json(v.toString()));
        types.add(json(v == null ? "null" : v.getClass().getSimpleName()));
      }
      String row = "{\"values\":[" + String.join(",", values) + "],\"types\":[" + String.join(",", types) + "]}";
      if (each) say("row", row.substring(1, row.length() - 1));
      out.add(row);
    }
    return "[" + String.join(",", out) + "]";
  }

  static String columns(ResultSetMetaData md) throws SQLException {
    List<String> out = new ArrayList<>();
    for (int i = 1; i <= md.getColumnCount(); i++) {
      out.add("[" + json(md.getColumnLabel(i)) + "," + json(md.getColumnTypeName(i)) + "]");
    }
    return "[" + String.join(",", out) + "]";
  }

  static synchronized void say(String event) { say(event, null); }

  static synchronized void say(String event, String fields) {
    System.out.println("{\"event\":" + json(event) + (fields == null ? "" : "," + fields) + "}");
    System.out.flush();
  }

  static String json(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') b.append('\\').append(c);
      else if (c < 0x20) b.append(String.format("\\u%04x", (int) c));
      else b.append(c);
    }
    return b.append('"').toString();
  }
}
