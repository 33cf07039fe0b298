package com.firesync;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Module boundaries hold: modules use each other's public API only, only the modules they declare, without cycles;
 * and each table is named in SQL by the module that owns it only, since Modulith cannot see SQL. The module
 * documentation in {@code docs/modules} is written from the same model.
 */
class ModularityTests {

    private static final ApplicationModules MODULES = ApplicationModules.of(FireSyncApplication.class);

    private static final Path SOURCES = Path.of("src/main/java/com/firesync");

    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");

    private static final Path DOCS = Path.of("..", "docs", "modules"); // the repository's docs, above this module

    /** The owner of Spring Modulith's own table: no module; it is pruned through Modulith's API. */
    private static final String SPRING_MODULITH = "Spring Modulith";

    /**
     * Which module owns each table the migrations create: only its SQL names the table, others call its methods.
     */
    private static final Map<String, String> OWNERS = Map.ofEntries(
            Map.entry("app_flags", "user"),
            Map.entry("users", "user"),
            Map.entry("api_tokens", "user"),
            Map.entry("provider_users", "connection"),
            Map.entry("provider_credentials", "connection"),
            Map.entry("connections", "connection"),
            Map.entry("connection_transitions", "connection"),
            Map.entry("connect_states", "connection"),
            Map.entry("claimants", "connection"),
            Map.entry("accounts", "ledger"),
            Map.entry("balance_snapshots", "ledger"),
            Map.entry("transactions", "ledger"),
            Map.entry("transaction_change_heads", "ledger"),
            Map.entry("event_log", "events"),
            Map.entry("event_tickets", "events"),
            Map.entry("webhook_endpoints", "events"),
            Map.entry("webhook_deliveries", "events"),
            Map.entry("transfers", "ledger"),
            Map.entry("transfer_locks", "ledger"),
            Map.entry("account_days", "analytics"),
            Map.entry("category_days", "analytics"),
            Map.entry("account_months", "analytics"),
            Map.entry("category_months", "analytics"),
            Map.entry("analytics_users", "analytics"),
            Map.entry("sync_runs", "sync"),
            Map.entry("webhook_inbox", "sync"),
            Map.entry("scheduled_tasks", "schedule"),
            Map.entry("scheduled_job_runs", "schedule"),
            Map.entry("provider_budgets", "provider"),
            Map.entry("unattended_calls", "provider"),
            Map.entry("event_publication", SPRING_MODULITH));

    /**
     * Files that still name tables of other modules, with those tables: known debt, never to grow. An entry no longer
     * needed fails the test too, so the list only shrinks.
     */
    private static final Map<String, Set<String>> TOLERATED = Map.ofEntries(
            // locks the user's row to create their one provider identity; skips users being erased
            Map.entry("connection/ProviderIdentities.java", Set.of("users")),
            Map.entry("connection/TokenRotation.java", Set.of("users")),
            // the account list joins each account's bank name and its connection's end-of-life marks
            Map.entry("ledger/LedgerQueries.java", Set.of("connections")),
            // roll-ups are derived from the ledger's rows set-based, in the writing transaction; balance history reads
            // the stored balances (issue 15)
            Map.entry("analytics/Rollups.java", Set.of("accounts", "transactions", "transfers")),
            Map.entry("analytics/AnalyticsData.java", Set.of("accounts", "balance_snapshots")),
            // deletion, erasure and export reach every table about a user (issue 13, part 2)
            Map.entry("privacy/ConnectionDeletion.java", Set.of("connections")),
            Map.entry("privacy/DataExport.java", Set.of("accounts", "connections", "transactions", "users")),
            Map.entry("privacy/UserErasure.java", Set.of("connect_states", "connections", "provider_users", "users")),
            // webhooks and events that name an erased user by content; Modulith has no API for incomplete ones
            Map.entry("privacy/Remnants.java", Set.of("event_publication", "webhook_inbox")));

    private static final Pattern CREATE_TABLE = Pattern.compile(
            "(?i)\\bCREATE\\s+TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?([a-z_][a-z0-9_]*)");

    private static final Pattern NAMED_TABLE = Pattern.compile(
            "(?i)\\b(?:FROM|JOIN|UPDATE|INTO|TABLE)\\s+([a-z_][a-z0-9_]*)");

    @Test
    void verifiesModuleBoundaries() {
        MODULES.verify();
    }

    @Test
    void everyModuleDeclaresTheModulesItMayUse() {
        MODULES.forEach(module -> {
            ApplicationModule declared = packageAnnotation(module.getBasePackage().getName());
            assertThat(declared).as("@ApplicationModule on %s", module.getBasePackage().getName()).isNotNull();
            assertThat(declared.allowedDependencies()).as("allowedDependencies of %s", module.getIdentifier())
                    .doesNotContain(ApplicationModule.OPEN_TOKEN);
        });
    }

    @Test
    void everyTableHasOneOwner() {
        assertThat(OWNERS).as("a declared owner for each table the migrations create")
                .containsOnlyKeys(migratedTables());
        Set<String> modules = new TreeSet<>();
        MODULES.forEach(module -> modules.add(module.getIdentifier().toString()));
        OWNERS.values().stream().filter(owner -> !owner.equals(SPRING_MODULITH))
                .forEach(owner -> assertThat(modules).contains(owner));
    }

    @Test
    void modulesNameOnlyTheirOwnTablesInSql() {
        Map<String, Set<String>> foreign = foreignTables();
        Map<String, Set<String>> unexpected = new TreeMap<>(foreign);
        TOLERATED.forEach((file, tables) -> unexpected.computeIfPresent(file, (key, named) -> {
            Set<String> left = new TreeSet<>(named);
            left.removeAll(tables);
            return left.isEmpty() ? null : left;
        }));
        assertThat(unexpected).as("SQL naming another module's table (file -> tables): call the owner instead")
                .isEmpty();
        TOLERATED.forEach((file, tables) -> assertThat(foreign.getOrDefault(file, Set.of()))
                .as("tolerated tables %s still named in %s: drop the ones gone from TOLERATED", tables, file)
                .containsAll(tables));
    }

    /**
     * Rewrites {@code docs/modules}: the module diagrams (PlantUML) and a canvas per module (AsciiDoc), each list in a
     * stable order, so the committed files change only when the modules do.
     */
    @Test
    void writesModuleDocumentation() {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(DOCS.toString()))
                .writeDocumentation();
        files(DOCS, "").forEach(ModularityTests::sortLists);

        assertThat(DOCS.resolve("components.puml")).exists();
        assertThat(DOCS.resolve("all-docs.adoc")).exists();
    }

    /**
     * Sorts each run of diagram elements, relations and list items: Modulith writes them in hash order, which differs
     * between runs.
     */
    private static void sortLists(Path file) {
        List<String> lines = new ArrayList<>(read(file).lines().toList());
        int start = 0;
        while (start < lines.size()) {
            int end = start;
            while (end < lines.size() && sameList(lines.get(start), lines.get(end), end == start)) {
                end++;
            }
            if (end - start > 1) {
                boolean cell = lines.get(start).startsWith("|");
                List<String> items = new ArrayList<>(lines.subList(start, end).stream()
                        .map(line -> line.startsWith("|") ? line.substring(1) : line).sorted().toList());
                if (cell) {
                    items.set(0, "|" + items.getFirst());
                }
                for (int i = 0; i < items.size(); i++) {
                    lines.set(start + i, items.get(i));
                }
            }
            start = Math.max(end, start + 1);
        }
        try {
            Files.writeString(file, String.join("\n", lines) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean sameList(String first, String line, boolean isFirst) {
        String kind = listKind(first.startsWith("|") ? first.substring(1) : first);
        String candidate = isFirst && line.startsWith("|") ? line.substring(1) : line;
        return kind != null && candidate.startsWith(kind);
    }

    private static @Nullable String listKind(String line) {
        for (String kind : List.of("* ", "Rel(", "Component(")) {
            if (line.strip().startsWith(kind)) {
                return line.substring(0, line.indexOf(kind) + kind.length());
            }
        }
        return null;
    }

    private static ApplicationModule packageAnnotation(String packageName) {
        try {
            return Class.forName(packageName + ".package-info").getAnnotation(ApplicationModule.class);
        } catch (ClassNotFoundException e) {
            throw new AssertionError("no package-info.java in " + packageName, e);
        }
    }

    private static Set<String> migratedTables() {
        Set<String> tables = new TreeSet<>();
        for (Path migration : files(MIGRATIONS, ".sql")) {
            Matcher matcher = CREATE_TABLE.matcher(read(migration));
            while (matcher.find()) {
                tables.add(matcher.group(1).toLowerCase(java.util.Locale.ROOT));
            }
        }
        return tables;
    }

    /**
     * The tables each main source file names in its string literals that another module owns, by file.
     */
    private static Map<String, Set<String>> foreignTables() {
        Map<String, Set<String>> foreign = new TreeMap<>();
        for (Path file : files(SOURCES, ".java")) {
            Path relative = SOURCES.relativize(file);
            String module = relative.getNameCount() > 1 ? relative.getName(0).toString() : "";
            for (String literal : JavaStrings.of(read(file))) {
                Matcher matcher = NAMED_TABLE.matcher(literal);
                while (matcher.find()) {
                    String table = matcher.group(1).toLowerCase(java.util.Locale.ROOT);
                    String owner = OWNERS.get(table);
                    if (owner != null && !owner.equals(module)) {
                        foreign.computeIfAbsent(relative.toString(), key -> new TreeSet<>()).add(table);
                    }
                }
            }
        }
        return foreign;
    }

    private static List<Path> files(Path root, String suffix) {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).filter(path -> path.toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The string literals of a Java source (text blocks included, comments and character literals skipped), with
     * literals joined by {@code +} read as one string, so SQL split over several lines is read whole.
     */
    static final class JavaStrings {

        private final String source;

        private final List<String> strings = new ArrayList<>();

        private int lastEnd = -1;

        private JavaStrings(String source) {
            this.source = source;
        }

        static List<String> of(String source) {
            JavaStrings reader = new JavaStrings(source);
            reader.read();
            return reader.strings;
        }

        private void read() {
            int i = 0;
            while (i < source.length()) {
                if (source.startsWith("//", i)) {
                    i = endOf(source.indexOf('\n', i), 1);
                } else if (source.startsWith("/*", i)) {
                    i = endOf(source.indexOf("*/", i + 2), 2);
                } else if (source.startsWith("\"\"\"", i)) {
                    int end = source.indexOf("\"\"\"", i + 3);
                    i = add(i, i + 3, end, 3);
                } else if (source.charAt(i) == '"') {
                    i = add(i, i + 1, closing(i + 1, '"'), 1);
                } else if (source.charAt(i) == '\'') {
                    i = closing(i + 1, '\'') + 1;
                } else {
                    i++;
                }
            }
        }

        private int closing(int from, char quote) {
            int i = from;
            while (source.charAt(i) != quote) {
                i += source.charAt(i) == '\\' ? 2 : 1;
            }
            return i;
        }

        private int add(int start, int from, int end, int quotes) {
            String text = source.substring(from, end);
            if (lastEnd >= 0 && source.substring(lastEnd, start).matches("\\s*\\+\\s*")) {
                strings.set(strings.size() - 1, strings.getLast() + text);
            } else {
                strings.add(text);
            }
            lastEnd = end + quotes;
            return lastEnd;
        }

        private int endOf(int found, int length) {
            return found < 0 ? source.length() : found + length;
        }
    }
}
