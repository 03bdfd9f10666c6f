package uk.localoffer.domain;

import java.util.List;

/**
 * A published way in to an authority's offer: its local offer page, its leaving care team, or,
 * where the team's own contact is not published, the children's services front door or the
 * council's contact centre; and the out-of-hours (emergency duty) number.
 */
public record AuthorityRoute(String authorityCode, Kind kind, String name, List<String> phones, String email,
                             String address, String postcode, String hours, String url, String note, Provenance provenance) {

    public enum Kind {
        LOCAL_OFFER, LEAVING_CARE_TEAM, FRONT_DOOR, CONTACT_CENTRE, OUT_OF_HOURS;

        public String code() { return name().toLowerCase(); }

        public static Kind parse(String code) {
            return Codes.parse(values(), Kind::code, code,
                    "must be one of local_offer, leaving_care_team, front_door, contact_centre, out_of_hours; got '" + code + "'");
        }

        /** A route a PA can call or write to about a young person, best first. */
        public boolean isWayIn() { return this == LEAVING_CARE_TEAM || this == FRONT_DOOR || this == CONTACT_CENTRE; }
    }

    public AuthorityRoute {
        phones = phones == null ? List.of() : List.copyOf(phones);
    }

    public Contact contact() { return new Contact(phones, email, url, null); }

    public AuthorityRoute withProvenance(Provenance p) {
        return new AuthorityRoute(authorityCode, kind, name, phones, email, address, postcode, hours, url, note, p);
    }
}
