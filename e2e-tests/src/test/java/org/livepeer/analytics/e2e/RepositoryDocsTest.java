package org.livepeer.analytics.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The repository explains itself (CONTRIBUTING.md, "Rules the build enforces"): every document a
 * file cites is in the repository, and nothing cites the design notes that live outside it.
 */
class RepositoryDocsTest {

    private static final Path ROOT = repositoryRoot();

    /** Where a reader goes to look: source, SQL, build files, docs and the command line. */
    private static final Pattern READ_BY_PEOPLE =
            Pattern.compile(".*\\.(java|sql|md|xml|sh|properties|html|js|css)$|analytics|run");

    private static final Set<String> SKIPPED_DIRS =
            Set.of(".git", "target", "data", "node_modules", ".idea");

    private static final Pattern DOC_PATH = Pattern.compile("docs/[A-Za-z0-9_./-]+?\\.md");

    private static final Pattern DECISION = Pattern.compile("[Dd]ecisions? (\\d{4})");

    private static final Pattern OUTSIDE_NOTES =
            Pattern.compile(
                    "(DESIGN|CATALOG|STYLE|STACK-NOTES)(\\.md)? ?§|(DESIGN|CATALOG)\\.md|\\.\\./shared/");

    @Test
    void everyCitedDocumentExists() {
        Set<String> missing = new TreeSet<>();
        for (Path file : filesReadByPeople()) {
            Matcher m = DOC_PATH.matcher(read(file));
            while (m.find()) {
                if (!Files.isRegularFile(ROOT.resolve(m.group()))) {
                    missing.add(ROOT.relativize(file) + " cites " + m.group());
                }
            }
        }
        assertEquals(Set.of(), missing);
    }

    @Test
    void everyCitedDecisionExists() {
        Set<String> missing = new TreeSet<>();
        for (Path file : filesReadByPeople()) {
            Matcher m = DECISION.matcher(read(file));
            while (m.find()) {
                if (decisionFile(m.group(1)) == null) {
                    missing.add(ROOT.relativize(file) + " cites decision " + m.group(1));
                }
            }
        }
        assertEquals(Set.of(), missing);
    }

    /**
     * Applied migrations are checksummed and cannot change, so their comments citing the old design
     * notes stay; docs/schema.md maps each of them to the section of docs/ that holds the contract
     * now.
     */
    @Test
    void nothingCitesNotesOutsideTheRepository() {
        List<String> citing = new ArrayList<>();
        for (Path file : filesReadByPeople()) {
            String rel = ROOT.relativize(file).toString().replace('\\', '/');
            if (rel.startsWith("clickhouse/migrations/") || rel.equals("docs/schema.md")) {
                continue;
            }
            if (OUTSIDE_NOTES.matcher(read(file)).find()) {
                citing.add(rel);
            }
        }
        assertEquals(List.of(), citing);
    }

    @Test
    void theScanSeesTheWholeRepository() {
        List<Path> files = filesReadByPeople();
        assertTrue(files.contains(ROOT.resolve("README.md")), "README.md not scanned");
        assertTrue(
                files.stream().anyMatch(f -> f.toString().endsWith("GatewayMain.java")),
                "module sources not scanned");
    }

    private static Path decisionFile(String number) {
        try (Stream<Path> files = Files.list(ROOT.resolve("docs/decisions"))) {
            return files.filter(f -> f.getFileName().toString().startsWith(number + "-"))
                    .findFirst()
                    .orElse(null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> filesReadByPeople() {
        try (Stream<Path> walk = Files.walk(ROOT)) {
            return walk.filter(Files::isRegularFile)
                    .filter(f -> ROOT.relativize(f).getNameCount() > 0)
                    .filter(f -> !inSkippedDir(ROOT.relativize(f)))
                    .filter(f -> READ_BY_PEOPLE.matcher(f.getFileName().toString()).matches())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean inSkippedDir(Path relative) {
        for (Path part : relative) {
            if (SKIPPED_DIRS.contains(part.toString())) {
                return true;
            }
        }
        return false;
    }

    private static String read(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Surefire runs in the module's directory; the repository root holds the parent pom. */
    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("docs/decisions"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException(
                    "no docs/decisions above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }
}
