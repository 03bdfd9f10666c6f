package uk.localoffer.domain;

/** How to reach a team or service. Blank parts are not recorded. */
public record Contact(String phone, String email, String website, String referral) {
    public static final Contact NONE = new Contact(null, null, null, null);
}
