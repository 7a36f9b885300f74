package io.tradecore.kernel.config;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Creates the application's PostgreSQL database on first start, so a fresh machine needs no manual step. */
public final class Databases {

    private static final Pattern URL = Pattern.compile("(jdbc:postgresql://[^/]+/)([A-Za-z_][A-Za-z0-9_]*)(\\?.*)?");

    private Databases() {
    }

    public static void ensureExists(String jdbcUrl, String user, String password) {
        Matcher matcher = URL.matcher(jdbcUrl);
        if (!matcher.matches()) {
            return; // not a plain URL we can reason about; let the connection attempt report any problem
        }
        String database = matcher.group(2);
        String maintenance = matcher.group(1) + "postgres" + (matcher.group(3) == null ? "" : matcher.group(3));
        try (var connection = DriverManager.getConnection(maintenance, user, password);
             var exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, database);
            if (!exists.executeQuery().next()) {
                try (var create = connection.createStatement()) {
                    create.execute("CREATE DATABASE " + database);
                } catch (SQLException raced) {
                    if (!"42P04".equals(raced.getSQLState())) { // duplicate_database: another process won
                        throw raced;
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare database " + database + " at " + maintenance, e);
        }
    }
}
