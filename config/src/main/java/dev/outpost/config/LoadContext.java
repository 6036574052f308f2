package dev.outpost.config;

import dev.outpost.config.yaml.Mark;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What binding one config file needs: where the file is (for messages and relative paths) and its problems. */
final class LoadContext {
    private final Path file;
    private final Path baseDir;
    private final List<Problem> problems = new ArrayList<>();

    LoadContext(Path file) {
        this.file = file;
        // Kept relative when the config path is, so messages show paths the way the user typed them.
        Path parent = file.getParent();
        this.baseDir = parent == null ? Path.of("") : parent;
    }

    Path file() {
        return file;
    }

    /** Resolves a path from the config against the config file's directory. */
    Path resolve(String path) {
        return baseDir.resolve(path).normalize();
    }

    void error(Mark mark, String message, String hint) {
        problems.add(Problem.error(file, mark.line(), mark.column(), message, hint));
    }

    void warning(Mark mark, String message, String hint) {
        problems.add(Problem.warning(file, mark.line(), mark.column(), message, hint));
    }

    int errorCount() {
        return (int) problems.stream().filter(Problem::isError).count();
    }

    List<Problem> problems() {
        return List.copyOf(problems);
    }
}
