package uk.localoffer.store;

import uk.localoffer.domain.AuthorityRoute;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which routes into an authority's offer are in force when sources disagree: a route kind the
 * authority wrote itself (source {@code authority/GSS}) replaces every other source's routes of
 * that kind for that authority, and a leaving care team contact the authority withdrew hides the
 * default dataset's.
 */
final class RoutePrecedence {
    private RoutePrecedence() { }

    static List<Stored<AuthorityRoute>> inForce(List<Stored<AuthorityRoute>> all, Set<String> withdrawnTeams) {
        Set<String> ownKinds = new HashSet<>();
        for (Stored<AuthorityRoute> s : all)
            if (s.source().equals(Stored.authoritySource(s.record().authorityCode()))) ownKinds.add(key(s.record()));
        return all.stream().filter(s -> s.source().equals(Stored.authoritySource(s.record().authorityCode()))
                        || (!ownKinds.contains(key(s.record()))
                        && !(s.record().kind() == AuthorityRoute.Kind.LEAVING_CARE_TEAM && withdrawnTeams.contains(s.record().authorityCode()))))
                .toList();
    }

    private static String key(AuthorityRoute r) { return r.authorityCode() + "|" + r.kind(); }
}
