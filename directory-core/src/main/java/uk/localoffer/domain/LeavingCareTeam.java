package uk.localoffer.domain;

import java.util.List;

/**
 * How a PA reaches the team that supports an authority's care leavers: the team's own published
 * contact, or, where that is not published, the route in ({@code route}: front_door or
 * contact_centre) the council publishes; with the out-of-hours (emergency duty) numbers.
 */
public record LeavingCareTeam(String name, String route, Contact contact, String hours, String address,
                              List<String> outOfHoursPhones, String note, Provenance provenance) {

    public LeavingCareTeam {
        outOfHoursPhones = outOfHoursPhones == null ? List.of() : List.copyOf(outOfHoursPhones);
    }

    /** A team written for a demonstration or a test, not taken from a source. */
    public LeavingCareTeam(String name, Contact contact, boolean illustrative, String note) {
        this(name, AuthorityRoute.Kind.LEAVING_CARE_TEAM.code(), contact, null, null, List.of(), note,
                new Provenance("illustrative", name, null, null, illustrative, note));
    }

    public boolean illustrative() { return provenance != null && provenance.illustrative(); }

    /** True when this is the team's own contact, not a general route into the council. */
    public boolean isTeamsOwn() { return AuthorityRoute.Kind.LEAVING_CARE_TEAM.code().equals(route); }

    /**
     * The best published way in from an authority's routes: the team's own, else the children's
     * services front door, else the contact centre; null when none is published.
     */
    public static LeavingCareTeam from(List<AuthorityRoute> routes) {
        AuthorityRoute best = null;
        for (AuthorityRoute.Kind kind : List.of(AuthorityRoute.Kind.LEAVING_CARE_TEAM, AuthorityRoute.Kind.FRONT_DOOR, AuthorityRoute.Kind.CONTACT_CENTRE)) {
            for (AuthorityRoute r : routes) if (r.kind() == kind && r.contact().reachable()) { best = r; break; }
            if (best != null) break;
        }
        if (best == null) return null;
        List<String> outOfHours = routes.stream().filter(r -> r.kind() == AuthorityRoute.Kind.OUT_OF_HOURS).flatMap(r -> r.phones().stream()).distinct().toList();
        return new LeavingCareTeam(best.name(), best.kind().code(), best.contact(), best.hours(), best.address(), outOfHours, best.note(),
                best.provenance());
    }

    /**
     * Whether a service of the team's authority is this team itself: a care-leaver service reached on the team's own
     * published number or mailbox that covers three needs or more (the team, its hub or its drop-in). A single thing
     * the team runs (a group, a worker, one kind of help) stays a service of its own.
     */
    public boolean isFrontedBy(Service s) {
        if (!isTeamsOwn() || !s.careLeaverSpecific() || s.needs().size() < 3) return false;
        if (contact.email() != null && contact.email().equalsIgnoreCase(s.contact().email())) return true;
        for (String mine : contact.phones())
            for (String theirs : s.contact().phones())
                if (digits(mine).equals(digits(theirs)) && !digits(mine).isEmpty()) return true;
        return false;
    }

    private static String digits(String phone) { return phone == null ? "" : phone.replaceAll("\\D", ""); }
}
