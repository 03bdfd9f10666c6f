package uk.localoffer.server.cli;

/** The command line is wrong: said with the usage, exit status 2. */
public final class UsageException extends RuntimeException {
    public UsageException(String message) { super(message); }
}
