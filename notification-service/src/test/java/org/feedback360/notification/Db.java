package org.feedback360.notification;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Plain SQL on the service's test database, for what a test must see or set that no API shows:
 * a precondition to wait for, or time moved on (a reminder made due now).
 */
public final class Db {

    private Db() {
    }

    public static long count(String sql, Object... params) {
        return ((Number) single(sql, params)).longValue();
    }

    public static Object single(String sql, Object... params) {
        List<Object> column = column(sql, params);
        return column.isEmpty() ? null : column.get(0);
    }

    public static List<Object> column(String sql, Object... params) {
        try (Connection c = dataSource().getConnection(); PreparedStatement s = prepare(c, sql, params);
             ResultSet rs = s.executeQuery()) {
            List<Object> values = new ArrayList<>();
            while (rs.next()) {
                values.add(rs.getObject(1));
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static int update(String sql, Object... params) {
        try (Connection c = dataSource().getConnection(); PreparedStatement s = prepare(c, sql, params)) {
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Parameters are written ?1, ?2 … as in the service's native queries. */
    private static PreparedStatement prepare(Connection c, String sql, Object... params) throws SQLException {
        PreparedStatement s = c.prepareStatement(sql.replaceAll("\\?\\d+", "?"));
        for (int i = 0; i < params.length; i++) {
            s.setObject(i + 1, params[i]);
        }
        return s;
    }

    private static AgroalDataSource dataSource() {
        return Arc.container().instance(AgroalDataSource.class).get();
    }
}
