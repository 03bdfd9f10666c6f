package uk.localoffer.domain;

import java.util.List;

/**
 * How to reach a team or service. {@code phones} as published (a text-only number is written
 * "text 85258"); blank parts are not recorded.
 */
public record Contact(List<String> phones, String email, String website, String referral) {
    public static final Contact NONE = new Contact(List.of(), null, null, null);

    public Contact {
        phones = phones == null ? List.of() : List.copyOf(phones);
    }

    public Contact(String phone, String email, String website, String referral) {
        this(phone == null ? List.of() : List.of(phone), email, website, referral);
    }

    /** The first phone number, or null. */
    public String phone() { return phones.isEmpty() ? null : phones.get(0); }

    public boolean reachable() { return !phones.isEmpty() || email != null || website != null; }
}
