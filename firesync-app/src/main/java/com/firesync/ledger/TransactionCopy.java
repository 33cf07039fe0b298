package com.firesync.ledger;

import com.firesync.provider.ProviderTransaction;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Iterator;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/**
 * New transactions in PostgreSQL's {@code COPY} text format: a line per row, its values in the order of
 * {@link PostgresTransactionInserts#COPY} separated by tabs, {@code \N} for {@code NULL}, and a backslash, tab,
 * newline or carriage return inside a value escaped. Each value is the text {@link TransactionColumn} sends in the
 * array statement, so both paths store the same row.
 */
final class TransactionCopy {

    /** The bytes sent to the server at a time. */
    private static final int CHUNK = 64 * 1024;

    private TransactionCopy() {
    }

    /** Copies the rows in; the statement's transaction is the caller's. */
    static long copy(CopyManager copies, String statement, Iterator<String> rows) throws SQLException {
        CopyIn in = copies.copyIn(statement);
        try {
            byte[] chunk = new byte[CHUNK];
            int used = 0;
            while (rows.hasNext()) {
                byte[] row = rows.next().getBytes(StandardCharsets.UTF_8);
                if (used + row.length > chunk.length) {
                    in.writeToCopy(chunk, 0, used);
                    used = 0;
                }
                if (row.length > chunk.length) {
                    in.writeToCopy(row, 0, row.length);
                } else {
                    System.arraycopy(row, 0, chunk, used, row.length);
                    used += row.length;
                }
            }
            in.writeToCopy(chunk, 0, used);
            return in.endCopy();
        } finally {
            if (in.isActive()) {
                in.cancelCopy();
            }
        }
    }

    /** Each transaction's line, made as it is sent. */
    static Iterator<String> rows(long accountId, long userId, @Nullable String accountCurrency,
            List<ProviderTransaction> transactions, OffsetDateTime now, long version) {
        String head = accountId + "\t" + userId;
        String at = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(now);
        String tail = "\t" + at + "\t" + at + "\t" + version + "\t" + version + "\n";
        Iterator<ProviderTransaction> each = transactions.iterator();
        return new Iterator<>() {
            private final StringBuilder line = new StringBuilder(512);

            @Override
            public boolean hasNext() {
                return each.hasNext();
            }

            @Override
            public String next() {
                ProviderTransaction transaction = each.next();
                line.setLength(0);
                line.append(head);
                for (TransactionColumn column : TransactionColumn.ALL) {
                    line.append('\t');
                    value(line, column.value().of(transaction, accountCurrency));
                }
                return line.append(tail).toString();
            }
        };
    }

    private static void value(StringBuilder line, @Nullable String value) {
        if (value == null) {
            line.append("\\N");
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> line.append("\\\\");
                case '\t' -> line.append("\\t");
                case '\n' -> line.append("\\n");
                case '\r' -> line.append("\\r");
                default -> line.append(c);
            }
        }
    }
}
