package uk.localoffer.server;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Parsed command line: a subcommand, --options (with or without a value) and plain arguments. */
record Cli(String command, Map<String, String> options, List<String> arguments) {
    static final String FLAG = "true";

    static Cli parse(String[] args, Set<String> flags) {
        if (args.length == 0) throw new UsageException("no command given");
        Map<String, String> options = new HashMap<>();
        List<String> arguments = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (a.startsWith("--")) {
                String name = a.substring(2);
                int eq = name.indexOf('=');
                if (eq >= 0) options.put(name.substring(0, eq), name.substring(eq + 1));
                else if (flags.contains(name)) options.put(name, FLAG);
                else if (i + 1 < args.length) options.put(name, args[++i]);
                else throw new UsageException("option --" + name + " needs a value");
            } else {
                arguments.add(a);
            }
        }
        return new Cli(args[0], options, arguments);
    }

    void allowOnly(Set<String> names) {
        for (String o : options.keySet()) if (!names.contains(o)) throw new UsageException("unknown option --" + o + " for '" + command + "'");
    }

    String option(String name, String fallback) { return options.getOrDefault(name, fallback); }

    boolean flag(String name) { return options.containsKey(name); }

    Path dataDir() { return Path.of(option("data-dir", "var")); }

    int port() {
        String v = option("port", "8080");
        try {
            int p = Integer.parseInt(v);
            if (p < 0 || p > 65535) throw new NumberFormatException();
            return p;
        } catch (NumberFormatException e) {
            throw new UsageException("--port must be a number from 0 to 65535, got '" + v + "'");
        }
    }

    static final class UsageException extends RuntimeException {
        UsageException(String message) { super(message); }
    }
}
