package uk.localoffer.importer;

import uk.localoffer.store.Changes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Everything an import found and did, for the operator to read. */
public final class ImportReport {
    private final List<ImportProblem> problems = new ArrayList<>();
    private final Map<String, Changes> changes = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();

    public void add(ImportProblem p) { problems.add(p); }

    public void addAll(List<ImportProblem> ps) { problems.addAll(ps); }

    public void note(String line) { notes.add(line); }

    /** Records what changed; a kind of record that had nothing before or after is left out. */
    public void changed(String what, Changes c) {
        if (c.isEmpty() && c.unchanged() == 0) return;
        changes.merge(what, c, Changes::plus);
    }

    public List<ImportProblem> problems() { return List.copyOf(problems); }

    public List<ImportProblem> errors() { return problems.stream().filter(ImportProblem::isError).toList(); }

    public List<String> notes() { return List.copyOf(notes); }

    public Map<String, Changes> changes() { return java.util.Collections.unmodifiableMap(changes); }

    public boolean hasErrors() { return problems.stream().anyMatch(ImportProblem::isError); }

    /** Throws when any error was found, so nothing is written. */
    public void failIfErrors() {
        if (hasErrors()) throw new ImportFailedException(this);
    }

    public String render() {
        StringBuilder sb = new StringBuilder();
        for (ImportProblem p : problems) sb.append(p).append('\n');
        for (String n : notes) sb.append(n).append('\n');
        changes.forEach((what, c) -> sb.append(what).append(": ").append(c).append('\n'));
        return sb.toString();
    }
}
