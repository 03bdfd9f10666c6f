package uk.localoffer.server;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the project's reference data (../shared) is during tests. */
final class ServerTestData {
    private ServerTestData() { }

    static Path repo() {
        Path p = Path.of(System.getProperty("localoffer.repo", "..")).toAbsolutePath().normalize();
        return Files.exists(p.resolve("data")) ? p : p.getParent();
    }

    static Path shared() { return repo().resolve("../shared").normalize(); }
}
