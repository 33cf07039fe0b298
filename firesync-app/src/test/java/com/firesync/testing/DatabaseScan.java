package com.firesync.testing;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * Reads every value of every column of every table of the database (tables and columns found in the JDBC metadata,
 * so a table added by a new migration is scanned without editing this class) and reports the cells that mention any
 * of the given values. Two kinds of needles:
 * <ul>
 * <li><b>distinctive</b> values (ids of ten digits or more, hashes, unique names) are looked for everywhere: equal to
 * a number, or inside any text or bytes (JSON bodies, serialized events, task data) as a whole token;</li>
 * <li><b>short</b> values (a sandbox connection id such as {@code 6}) would match every count and date, so they are
 * looked for as whole values of non-numeric columns only, and not in Flyway's schema history, whose versions are
 * {@code 1}, {@code 2}...</li>
 * </ul>
 */
public final class DatabaseScan {

    private final DataSource dataSource;

    public DatabaseScan(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * @return one line per cell that mentions a needle: {@code table.column = value (needle)}
     */
    public List<String> find(Collection<String> distinctive, Collection<String> shortValues) {
        List<Pattern> tokens = distinctive.stream()
                .map(needle -> Pattern.compile("(?<![0-9A-Za-z])" + Pattern.quote(needle) + "(?![0-9A-Za-z])"))
                .toList();
        Set<String> exact = Set.copyOf(shortValues);
        List<String> found = new ArrayList<>();
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            for (String table : tables(connection)) {
                scan(connection, table, tokens, exact, found);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
        return found;
    }

    /** The names of the tables scanned, for a test to check that the scan covers what it should. */
    public List<String> tables() {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            return tables(connection);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    private static List<String> tables(Connection connection) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        List<String> tables = new ArrayList<>();
        try (ResultSet rs = meta.getTables(connection.getCatalog(), connection.getSchema(), "%",
                new String[]{"TABLE", "BASE TABLE"})) {
            while (rs.next()) {
                tables.add(rs.getString("TABLE_NAME"));
            }
        }
        return tables;
    }

    private static void scan(Connection connection, String table, List<Pattern> tokens, Set<String> exact,
            List<String> found) throws SQLException {
        boolean schemaHistory = table.toLowerCase(Locale.ROOT).equals("flyway_schema_history");
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT * FROM " + table)) {
            ResultSetMetaData meta = rs.getMetaData();
            while (rs.next()) {
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    Object value = rs.getObject(i);
                    if (value == null) {
                        continue;
                    }
                    String text = text(value);
                    String where = table + "." + meta.getColumnLabel(i) + " = " + abbreviated(text);
                    for (Pattern token : tokens) {
                        if (token.matcher(text).find()) {
                            found.add(where + " (" + token.pattern() + ")");
                        }
                    }
                    if (!schemaHistory && !numeric(meta.getColumnType(i)) && exact.contains(text)) {
                        found.add(where + " (exactly)");
                    }
                }
            }
        }
    }

    private static String text(Object value) {
        if (value instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        return value.toString();
    }

    private static boolean numeric(int type) {
        return switch (type) {
            case Types.BIGINT, Types.INTEGER, Types.SMALLINT, Types.TINYINT, Types.NUMERIC, Types.DECIMAL,
                    Types.DOUBLE, Types.FLOAT, Types.REAL, Types.BOOLEAN, Types.BIT ->
                true;
            default -> false;
        };
    }

    private static String abbreviated(String text) {
        return text.length() <= 120 ? text : text.substring(0, 120) + "...";
    }
}
