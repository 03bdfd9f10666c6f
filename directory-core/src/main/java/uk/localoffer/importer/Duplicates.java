package uk.localoffer.importer;

import uk.localoffer.domain.Service;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Services an import would hold twice: one id used twice, or one name twice in an authority, in a source or across sources. */
final class Duplicates {
    private Duplicates() { }

    /** Within one source: an id used twice is an error, the same name in the same authority a warning. */
    static void withinSource(List<Service> services, List<ImportProblem> problems) {
        Set<String> seen = new HashSet<>();
        Set<UUID> ids = new HashSet<>();
        for (Service s : services) {
            if (!ids.add(s.id()))
                problems.add(problem(ImportProblem.Severity.ERROR, s, s.provenance().source(), "id", "id " + s.id() + " is used by another service in this import"));
            if (!seen.add(key(s)))
                problems.add(problem(ImportProblem.Severity.WARNING, s, s.provenance().source(), "name",
                        "another service in this source has the same name in the same authority: '" + s.name() + "'"));
        }
    }

    /**
     * Against what other sources hold: an id that belongs to another source's service is an
     * error; a service that looks like one another source holds (same name, same authority) a warning.
     */
    static void againstOtherSources(List<Service> stored, Map<String, List<Service>> incoming, List<ImportProblem> problems) {
        Map<String, Service> byKey = new HashMap<>();
        Map<UUID, Service> byId = new HashMap<>();
        for (Service s : stored) {
            byKey.put(key(s), s);
            byId.put(s.id(), s);
        }
        for (var e : incoming.entrySet())
            for (Service s : e.getValue()) {
                Service owner = byId.get(s.id());
                if (owner != null && !owner.provenance().source().equals(e.getKey())) {
                    problems.add(problem(ImportProblem.Severity.ERROR, s, e.getKey(), "id", "id " + s.id() + " already belongs to '" + owner.name()
                            + "' from source '" + owner.provenance().source() + "': import with --source " + owner.provenance().source()
                            + " to update it, or leave the id blank to add a new service"));
                    continue;
                }
                Service other = byKey.get(key(s));
                if (other != null && !other.provenance().source().equals(e.getKey()))
                    problems.add(problem(ImportProblem.Severity.WARNING, s, e.getKey(), "name", "source '" + other.provenance().source()
                            + "' already has a service called '" + s.name() + "' in the same authority: a duplicate?"));
            }
    }

    private static String key(Service s) { return s.name().toLowerCase() + "|" + s.authorityCode(); }

    private static ImportProblem problem(ImportProblem.Severity severity, Service s, String file, String field, String message) {
        return new ImportProblem(severity, file, "source_id " + s.provenance().sourceId(), field, message);
    }
}
