package uk.localoffer.store;

/** A record as the store holds it, with the source that keeps it ("offers/north", "authority/E08000012"). */
public record Stored<T>(T record, String source) {
    /** The source of the records an authority writes itself through the API. */
    public static String authoritySource(String gss) { return "authority/" + gss; }

    public boolean keptByAnAuthority() { return source.startsWith("authority/"); }
}
