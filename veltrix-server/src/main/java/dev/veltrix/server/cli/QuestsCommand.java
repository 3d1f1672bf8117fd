package dev.veltrix.server.cli;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import dev.veltrix.core.error.InvalidInputException;
import dev.veltrix.progression.quests.ContentFormat;
import dev.veltrix.progression.quests.ContentProblem;
import dev.veltrix.progression.quests.ContentVersion;
import dev.veltrix.progression.quests.QuestContent;
import dev.veltrix.progression.quests.QuestLibrary;
import dev.veltrix.storage.Database;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code veltrix quests validate|import|export}: quest content files from version control, checked against the
 * network's database (its currencies), saved as the draft (and published), or written out. A file with problems lists
 * every one with where it is, exits 1 and changes nothing.
 */
@Command(name = "quests", description = "Check, import and export quest content files (YAML or JSON).",
        subcommands = {QuestsCommand.Validate.class, QuestsCommand.Import.class, QuestsCommand.Export.class})
final class QuestsCommand implements Runnable {
    @Override
    public void run() {
        picocli.CommandLine.usage(this, System.out);
    }

    static QuestLibrary library(Database database) {
        Set<String> currencies = new HashSet<>(database.dsl().select(field(name("code"), String.class)).from(table(name("ledger_currencies")))
                .fetch(field(name("code"), String.class)));
        return new QuestLibrary(database, Clock.systemUTC(), currencies::contains);
    }

    /** What to do with a sound file's content; returns the exit code. */
    @FunctionalInterface
    interface ContentAction {
        int apply(QuestLibrary library, QuestContent content);
    }

    /** Reads and checks the file against the configured database, then acts on it; a file with problems exits 1. */
    static int withContent(ConfigOptions config, Path file, ContentAction action) throws IOException {
        try (Database database = config.openDatabase()) {
            QuestLibrary library = library(database);
            QuestContent content = read(file, library, System.err);
            return content == null ? 1 : action.apply(library, content);
        }
    }

    /** The file's content, or null after printing every problem of the file or of the content. */
    static QuestContent read(Path file, QuestLibrary library, PrintStream err) throws IOException {
        ContentFormat.Read read = ContentFormat.read(Files.readString(file));
        List<ContentProblem> problems = read.content() == null ? read.problems() : library.check(read.content());
        problems.forEach(p -> err.println(file + ": " + p.where() + (p.node() == null ? "" : " (" + p.node() + ")") + ": " + p.message()));
        if (!problems.isEmpty()) {
            err.println(file + ": " + problems.size() + (problems.size() == 1 ? " problem" : " problems") + "; nothing was changed");
            return null;
        }
        return read.content();
    }

    @Command(name = "validate", description = "Check a content file as a whole; exits 1 listing every problem.")
    static final class Validate implements Callable<Integer> {
        @Mixin
        ConfigOptions config;
        @Parameters(paramLabel = "FILE", description = "a quest content file, .yaml or .json")
        Path file;

        @Override
        public Integer call() throws IOException {
            return withContent(config, file, (library, content) -> {
                System.out.println(file + ": OK (" + content.nodes().size() + " nodes, " + content.edges().size() + " edges)");
                return 0;
            });
        }
    }

    @Command(name = "import", description = "Save a content file as the draft (replacing it), and publish it with --publish.")
    static final class Import implements Callable<Integer> {
        @Mixin
        ConfigOptions config;
        @Parameters(paramLabel = "FILE", description = "a quest content file, .yaml or .json")
        Path file;
        @Option(names = "--publish", description = "make it the live version at once")
        boolean publish;

        @Override
        public Integer call() throws IOException {
            return withContent(config, file, (library, content) -> {
                try {
                    ContentVersion saved = library.saveDraft(content, "cli");
                    ContentVersion result = publish ? library.publish("cli") : saved;
                    System.out.println("version " + result.version() + " " + result.state() + " (" + result.nodes() + " nodes, " + result.edges() + " edges)");
                    return 0;
                } catch (InvalidInputException e) {
                    e.errors().forEach(f -> System.err.println(file + ": " + f.field() + ": " + f.message()));
                    return 1;
                }
            });
        }
    }

    @Command(name = "export", description = "Print a version's content: the live one (default), the draft, or one by number.")
    static final class Export implements Callable<Integer> {
        @Mixin
        ConfigOptions config;
        @Option(names = "--version", defaultValue = "published", description = "published, draft or a number (default ${DEFAULT-VALUE})")
        String version;
        @Option(names = "--json", description = "JSON instead of YAML")
        boolean json;

        @Override
        public Integer call() {
            try (Database database = config.openDatabase()) {
                QuestLibrary library = library(database);
                int number = switch (version) {
                    case "published" -> library.publishedVersion().orElseThrow(() -> new IllegalArgumentException("nothing is published yet"));
                    case "draft" -> library.draftVersion().orElseThrow(() -> new IllegalArgumentException("there is no draft"));
                    default -> {
                        if (!version.matches("\\d{1,9}")) {
                            throw new IllegalArgumentException("--version takes published, draft or a version number, got " + version);
                        }
                        yield Integer.parseInt(version);
                    }
                };
                QuestContent content = library.content(number);
                System.out.print(json ? ContentFormat.json(content) + "\n" : ContentFormat.yaml(content));
                return 0;
            }
        }
    }
}
